package mn.gov.khur.esign.push;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

/** The start page's two fields as typed: shown again with every refusal, so the citizen need not retype them. */
record PushForm(String registerNumber, String phone) {

    static final PushForm EMPTY = new PushForm("", "");

    PushForm {
        registerNumber = registerNumber == null ? "" : registerNumber;
        phone = phone == null ? "" : phone;
    }

    static PushForm from(MultivaluedMap<String, String> form) {
        return new PushForm(Optional.ofNullable(form.getFirst("registerNumber")).orElse(""),
                Optional.ofNullable(form.getFirst("phone")).orElse(""));
    }

    /** Register number and phone are personal data: not for logs. */
    @Override
    public String toString() {
        return "PushForm[...]";
    }
}
