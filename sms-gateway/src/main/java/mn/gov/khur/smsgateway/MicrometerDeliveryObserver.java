package mn.gov.khur.smsgateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import mn.gov.khur.smsgateway.smpp.DeliveryObserver;
import mn.gov.khur.smsgateway.smpp.Disposition;

/** Counts deliver_sm per operator and disposition: {@code khur_smsgateway_deliver_sm_total}. */
final class MicrometerDeliveryObserver implements DeliveryObserver {

    private final MeterRegistry meters;

    MicrometerDeliveryObserver(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onDeliverSm(String operator, Disposition disposition) {
        meters.counter("khur.smsgateway.deliver_sm", "operator", operator,
                "disposition", disposition.name().toLowerCase(Locale.ROOT)).increment();
    }
}
