package dev.calls.media.dtls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;

import javax.crypto.KeyAgreement;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The public-key operations a DTLS server does once per handshake (RFC 5764 over DTLS 1.2 with
 * ECDHE_ECDSA): sign its key exchange with ECDSA P-256, verify the browser's P-256 CertificateVerify,
 * and one X25519 key generation and agreement — with the JDK's providers (what the engine's
 * {@code JcaTlsCrypto} calls) and with BouncyCastle's own implementations (what {@code BcTlsCrypto} calls).
 * It tells whether the handshakes' public-key work is what a burst of joins spends the server's CPU on.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@State(Scope.Thread)
public class HandshakeCryptoBenchmark {

    private final SecureRandom random = new SecureRandom();
    private final byte[] message = new byte[200];
    private final byte[] hash = new byte[32];
    private KeyPair jdkKeys;
    private byte[] jdkSignature;
    private AsymmetricKeyParameter bcPrivate;
    private AsymmetricKeyParameter bcPublic;
    private BigInteger[] bcSignature;
    private final byte[] xPrivate = new byte[X25519.SCALAR_SIZE];
    private final byte[] xPublic = new byte[X25519.POINT_SIZE];
    private final byte[] xShared = new byte[X25519.POINT_SIZE];

    @Setup(Level.Trial)
    public void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        jdkKeys = generator.generateKeyPair();
        jdkSignature = jdkSign();
        bcPrivate = PrivateKeyFactory.createKey(jdkKeys.getPrivate().getEncoded());
        bcPublic = PublicKeyFactory.createKey(jdkKeys.getPublic().getEncoded());
        bcSignature = bcSign();
    }

    @Benchmark
    public byte[] jdkSign() throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(jdkKeys.getPrivate(), random);
        signature.update(message);
        return signature.sign();
    }

    @Benchmark
    public boolean jdkVerify() throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initVerify(jdkKeys.getPublic());
        signature.update(message);
        return signature.verify(jdkSignature);
    }

    @Benchmark
    public byte[] jdkX25519() throws GeneralSecurityException {
        KeyPair ours = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(ours.getPrivate());
        agreement.doPhase(ours.getPublic(), true);
        return agreement.generateSecret();
    }

    @Benchmark
    public BigInteger[] bcSign() {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, bcPrivate);
        return signer.generateSignature(hash);
    }

    @Benchmark
    public boolean bcVerify() {
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, bcPublic);
        return verifier.verifySignature(hash, bcSignature[0], bcSignature[1]);
    }

    @Benchmark
    public byte[] bcX25519() {
        X25519.generatePrivateKey(random, xPrivate);
        X25519.generatePublicKey(xPrivate, 0, xPublic, 0);
        X25519.calculateAgreement(xPrivate, 0, xPublic, 0, xShared, 0);
        return xShared;
    }
}
