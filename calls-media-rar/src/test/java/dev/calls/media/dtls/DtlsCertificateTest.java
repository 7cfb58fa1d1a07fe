package dev.calls.media.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Date;

import org.junit.jupiter.api.Test;

class DtlsCertificateTest {

    @Test
    void isASelfSignedP256CertificateValidNow() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();

        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(certificate.encoded()));

        x509.verify(x509.getPublicKey());
        x509.checkValidity(new Date());
        assertEquals("SHA256withECDSA", x509.getSigAlgName());
        assertEquals(x509.getSubjectX500Principal(), x509.getIssuerX500Principal());
        assertEquals(256, ((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertTrue(x509.getSerialNumber().signum() > 0);
    }

    @Test
    void fingerprintIsOfTheEncodedCertificate() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();

        assertTrue(certificate.fingerprint().matches(certificate.encoded()));
        assertEquals(certificate.fingerprint(), DtlsFingerprint.parse(certificate.sdpFingerprint()));
    }

    @Test
    void theChainBouncyCastleSendsIsThisCertificate() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();

        assertEquals(1, certificate.chain().getLength());
        assertTrue(certificate.fingerprint().matches(certificate.chain().getCertificateAt(0).getEncoded()));
    }

    @Test
    void everyCertificateIsNew() {
        assertNotEquals(DtlsCertificate.generate().fingerprint(), DtlsCertificate.generate().fingerprint());
    }
}
