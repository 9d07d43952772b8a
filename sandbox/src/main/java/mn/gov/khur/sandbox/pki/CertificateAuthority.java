package mn.gov.khur.sandbox.pki;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A sandbox certification authority: its key, its certificate, and what it issues. */
public final class CertificateAuthority {

    /** Sandbox-only policy arc (never a real CA's): "citizen authentication certificate". */
    public static final String SANDBOX_CITIZEN_POLICY = "1.3.6.1.4.1.55555.976.1.1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private CertificateAuthority(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    public static CertificateAuthority selfSignedRoot(String commonName, Instant now) {
        KeyPair keys = KeyKind.ecP256();
        X500Name name = caName(commonName);
        X509Certificate cert = build(name, keys, name, keys.getPublic(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)), b -> caExtensions(b, keys.getPublic(), keys.getPublic(), 1));
        return new CertificateAuthority(keys, cert);
    }

    public CertificateAuthority issueSubordinate(String commonName, Instant now) {
        KeyPair keys = KeyKind.ecP256();
        X509Certificate cert = build(subject(), keyPair, caName(commonName), keys.getPublic(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1825)), b -> caExtensions(b, keys.getPublic(), keyPair.getPublic(), 0));
        return new CertificateAuthority(keys, cert);
    }

    /** A delegated OCSP signer (id-kp-OCSPSigning, id-pkix-ocsp-nocheck), as RFC 6960 §4.2.2.2 allows. */
    public IssuedCertificate issueOcspSigner(String commonName, Instant now) {
        KeyPair keys = KeyKind.ecP256();
        X509Certificate cert = build(subject(), keyPair, caName(commonName), keys.getPublic(), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    b.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                    keyIds(b, keys.getPublic(), keyPair.getPublic());
                });
        return new IssuedCertificate(commonName, cert, keys, KeyKind.EC_P256);
    }

    /**
     * A citizen's authentication certificate: subject serialNumber = the register number (UTF8String,
     * it is Cyrillic), key usage digitalSignature, EKU clientAuth, the sandbox policy, OCSP in the
     * AIA and a CRL distribution point.
     */
    public IssuedCertificate issueCitizen(CitizenCertificateRequest request) {
        KeyPair keys = request.keyKind().generate();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "MN")
                .addRDN(BCStyle.CN, new DERUTF8String(request.commonName()))
                .addRDN(BCStyle.SERIALNUMBER, new DERUTF8String(request.registerNumber()))
                .build();
        X509Certificate cert = build(subject(), keyPair, subject, keys.getPublic(), request.notBefore(), request.notAfter(),
                b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(request.keyUsage()));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                    b.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                            new PolicyInformation(new ASN1ObjectIdentifier(SANDBOX_CITIZEN_POLICY))));
                    if (request.ocspUri() != null) {
                        b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                                new AccessDescription(AccessDescription.id_ad_ocsp, uri(request.ocspUri()))));
                    }
                    if (request.crlUri() != null) {
                        b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(request.crlUri()))),
                                        null, null)}));
                    }
                    keyIds(b, keys.getPublic(), keyPair.getPublic());
                });
        return new IssuedCertificate(request.label(), cert, keys, request.keyKind());
    }

    /** A CRL listing {@code revoked} (serial → revocation time), valid for {@code lifetime}. */
    public X509CRL crl(Map<BigInteger, Instant> revoked, Instant thisUpdate, Duration lifetime, long crlNumber) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(subject(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(thisUpdate.plus(lifetime)));
            revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(keyPair.getPublic()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(keyPair)));
        } catch (GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X500Name subject() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static X500Name caName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "MN").addRDN(BCStyle.O, "KHUR sandbox (not a real CA)")
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static GeneralName uri(URI uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString());
    }

    @FunctionalInterface
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws Exception;
    }

    private static void caExtensions(X509v3CertificateBuilder b, PublicKey subjectKey, PublicKey issuerKey, int pathLength)
            throws Exception {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        keyIds(b, subjectKey, issuerKey);
    }

    private static void keyIds(X509v3CertificateBuilder b, PublicKey subjectKey, PublicKey issuerKey) throws Exception {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
        b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKey));
    }

    private static X509Certificate build(X500Name issuer, KeyPair issuerKeys, X500Name subject, PublicKey subjectKey,
                                         Instant notBefore, Instant notAfter, Extensions extensions) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            extensions.add(builder);
            X509CertificateHolder holder = builder.build(signer(issuerKeys));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a sandbox certificate", e);
        }
    }

    static ContentSigner signer(KeyPair keys) {
        try {
            return new JcaContentSignerBuilder(keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                    .build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
