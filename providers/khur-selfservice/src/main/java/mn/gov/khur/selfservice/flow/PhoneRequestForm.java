package mn.gov.khur.selfservice.flow;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.identity.events.KhurEvents;
import mn.gov.khur.identity.profile.RegisterNumberField;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

/**
 * A first page that asks for a register number and a phone (registration, phone change): both are
 * read here, each wrong one answered on its field, so the flows only decide what a valid pair means.
 */
abstract class PhoneRequestForm extends SelfServiceForm {

    static final String REGISTER_NUMBER = "registerNumber";
    static final String PHONE = "phone";

    PhoneRequestForm(SelfServiceSettings settings) {
        super(settings);
    }

    @Override
    final List<String> keptFields() {
        return List.of(REGISTER_NUMBER, PHONE);
    }

    /** Called with a well-formed register number and Mongolian mobile number; returns the page, or null after success. */
    abstract Response submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form,
                                RegisterNumber registerNumber, MongolianMobileNumber phone);

    @Override
    final Response submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        Optional<RegisterNumber> registerNumber = RegisterNumber.tryParse(form.getFirst(REGISTER_NUMBER));
        if (registerNumber.isEmpty()) {
            return page(context, form, new FormMessage(REGISTER_NUMBER,
                    RegisterNumberField.refuse(context.getEvent(), form.getFirst(REGISTER_NUMBER))));
        }
        Optional<MongolianMobileNumber> phone = MongolianMobileNumber.tryParse(form.getFirst(PHONE));
        if (phone.isEmpty()) {
            context.getEvent().detail(KhurEvents.REASON, KhurEvents.INVALID_PHONE).error(KhurEvents.INVALID_PHONE);
            return page(context, form, new FormMessage(PHONE, "khurPhoneNotMongolianMobile"));
        }
        return submitted(context, form, registerNumber.get(), phone.get());
    }
}
