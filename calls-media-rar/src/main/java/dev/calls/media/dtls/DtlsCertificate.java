package dev.calls.media.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

import dev.calls.media.sdp.Fingerprint;

/**
 * The engine's DTLS identity: an ECDSA P-256 key pair and a self-signed X.509 certificate, made once at
 * engine start. WebRTC authenticates it through the fingerprint in the SDP, not through a CA
 * (RFC 5763 §5, RFC 8122 §5), so the subject is random and nothing else about the certificate matters to peers.
 * Also owns the JCE-backed TLS crypto every {@link DtlsServer} of the engine shares. Thread-safe.
 */
public final class DtlsCertificate {

    /** Back-dated so a peer whose clock is behind ours still sees a valid certificate. */
    private static final Duration VALID_BEFORE = Duration.ofDays(30);
    private static final Duration VALID_AFTER = Duration.ofDays(365);

    private final KeyPair keyPair;
    private final byte[] der;
    private final DtlsFingerprint fingerprint;
    private final JcaTlsCrypto crypto;
    private final Certificate chain;

    private DtlsCertificate(KeyPair keyPair, byte[] der, JcaTlsCrypto crypto) throws IOException {
        this.keyPair = keyPair;
        this.der = der;
        this.crypto = crypto;
        this.chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
        try {
            this.fingerprint = DtlsFingerprint.of("sha-256", der);
        } catch (FingerprintFormatException e) {
            throw new IllegalStateException("sha-256 is always supported", e);
        }
    }

    /**
     * Generates a new key pair and certificate with the JDK's providers.
     *
     * @throws IllegalStateException if the runtime lacks EC P-256 or SHA256withECDSA, which every
     *     supported JDK has
     */
    public static DtlsCertificate generate() {
        SecureRandom random = new SecureRandom();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keyPair = generator.generateKeyPair();

            byte[] cn = new byte[8];
            random.nextBytes(cn);
            X500Name subject = new X500Name("CN=" + HexFormat.of().formatHex(cn));
            Instant now = Instant.now();
            BigInteger serial = new BigInteger(64, random).add(BigInteger.ONE);
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(VALID_BEFORE)), Date.from(now.plus(VALID_AFTER)), subject, keyPair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random)
                    .build(keyPair.getPrivate()));

            JcaTlsCrypto crypto = new JcaTlsCryptoProvider().create(random);
            return new DtlsCertificate(keyPair, holder.getEncoded(), crypto);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the DTLS certificate", e);
        }
    }

    /** The SHA-256 fingerprint of the certificate. */
    public DtlsFingerprint fingerprint() {
        return fingerprint;
    }

    /** The SDP {@code a=fingerprint} attribute announcing this certificate, {@code sha-256 AB:CD:…} (RFC 8122 §5). */
    public Fingerprint sdpFingerprint() {
        return new Fingerprint(fingerprint.hashFunction(), fingerprint.hexDigest());
    }

    /** A copy of the DER-encoded certificate. */
    public byte[] encoded() {
        return der.clone();
    }

    /** The JCE-backed TLS crypto shared by the DTLS endpoints using this certificate (public for DTLS clients). */
    public JcaTlsCrypto crypto() {
        return crypto;
    }

    /** The certificate chain BouncyCastle sends: just this self-signed certificate. */
    Certificate chain() {
        return chain;
    }

    /**
     * Credentials that sign the handshake of {@code context} with our private key and {@code algorithm};
     * public so that a DTLS client (a simulated browser of the load tool) can present this certificate.
     */
    public TlsCredentialedSigner signer(TlsContext context, SignatureAndHashAlgorithm algorithm) {
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, keyPair.getPrivate(),
            chain, algorithm);
    }
}
