package mn.gov.khur.esign.sim;

import mn.gov.khur.common.phone.MongolianMobileNumber;
import mn.gov.khur.common.regnum.RegisterNumber;
import mn.gov.khur.esign.push.PushSignatureService;

/** The SIM signature through the operator's MSSP ({@link MsspClient}), as a {@link PushSignatureService}. */
public final class MsspSignatureService implements PushSignatureService {

    private final MsspClient client;

    public MsspSignatureService(MsspClient client) {
        this.client = client;
    }

    @Override
    public PushAnswer start(RegisterNumber registerNumber, MongolianMobileNumber phone, byte[] hash, String displayText)
            throws PushUnavailableException {
        MsspClient.Answer answer = call(() -> client.requestSignature(phone.e164(), hash, displayText));
        return answer.accepted() ? new PushAnswer.Accepted(answer.transactionId()) : refused(answer.status());
    }

    @Override
    public PushAnswer poll(String transactionId) throws PushUnavailableException {
        MsspClient.Answer answer = call(() -> client.queryStatus(transactionId));
        if (answer.outstanding()) {
            return new PushAnswer.Outstanding();
        }
        return answer.signed() ? new PushAnswer.SignedCms(answer.cms()) : refused(answer.status());
    }

    static PushAnswer refused(int status) {
        return switch (status) {
            case MsspStatus.USER_CANCEL -> new PushAnswer.Refused("khurEsignCancelled", "user_cancel");
            case MsspStatus.EXPIRED_TRANSACTION -> new PushAnswer.Refused("khurEsignPushTimeout", "timeout");
            case MsspStatus.UNKNOWN_CLIENT, MsspStatus.NO_CERT_FOUND -> new PushAnswer.NoSigningKey("unknown_subscriber");
            case MsspStatus.REVOKED_CERTIFICATE -> new PushAnswer.Refused("khurEsignRevoked", "revoked");
            default -> new PushAnswer.Refused("khurEsignPushFailed", "mssp_" + status);
        };
    }

    private interface Call {
        MsspClient.Answer run() throws MsspClient.MsspUnavailableException;
    }

    private static MsspClient.Answer call(Call call) throws PushUnavailableException {
        try {
            return call.run();
        } catch (MsspClient.MsspUnavailableException e) {
            throw new PushUnavailableException(e.getMessage(), e);
        }
    }
}
