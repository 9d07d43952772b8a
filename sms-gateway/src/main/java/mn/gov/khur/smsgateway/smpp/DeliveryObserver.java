package mn.gov.khur.smsgateway.smpp;

/** Receives the outcome of every deliver_sm, e.g. for metrics. */
@FunctionalInterface
public interface DeliveryObserver {

    DeliveryObserver NONE = (operator, disposition) -> { };

    void onDeliverSm(String operator, Disposition disposition);
}
