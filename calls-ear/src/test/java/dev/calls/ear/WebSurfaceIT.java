package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;

/**
 * The web surface a browser meets: hardening headers on every response over HTTP and HTTPS (HSTS on HTTPS
 * only), and a TLS listener that refuses RSA key exchange, CBC and SHA-1 suites while modern clients connect.
 */
class WebSurfaceIT extends DeployedEar {

    private static final int HTTPS_PORT = 8443;

    @Test
    void everyResponseOverHttpCarriesTheHardeningHeadersButNoHsts() throws Exception {
        for (String path : List.of("", "channels/" + Api.UNKNOWN_ID, "channels/not-a-link", "css/app.css", "api/v1/system/ping",
                "api/v1/users/me")) {
            Map<String, List<String>> headers = headersOf(new URL(base, path));
            assertHardened(headers, path);
            assertNull(headers.get("Strict-Transport-Security"), path + ": no HSTS over plain HTTP");
        }
    }

    @Test
    void everyResponseOverHttpsCarriesTheHardeningHeadersAndHsts() throws Exception {
        URL secure = URI.create("https://" + base.getHost() + ":" + HTTPS_PORT + base.getPath()).toURL();
        for (String path : List.of("", "api/v1/system/ping", "api/v1/users/me")) {
            Map<String, List<String>> headers = headersOf(new URL(secure, path));
            assertHardened(headers, path);
            assertEquals(List.of("max-age=31536000"), headers.get("Strict-Transport-Security"), path);
        }
    }

    @Test
    void tlsRefusesRsaKeyExchangeCbcAndSha1() throws Exception {
        for (String legacy : List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")) {
            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, () -> handshake("TLSv1.2", legacy), legacy);
            assertTrue(String.valueOf(refused.getMessage()).contains("Received fatal alert"),
                    legacy + ": the server, not this client, refuses: " + refused.getMessage());
        }

        SSLSession tls12 = handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", tls12.getCipherSuite());
        SSLSession tls13 = handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256");
        assertEquals("TLSv1.3", tls13.getProtocol());

        new Api(base).adminToken();
    }

    private static void assertHardened(Map<String, List<String>> headers, String path) {
        String policy = single(headers, "Content-Security-Policy", path);
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")) {
            assertTrue(policy.contains(directive), path + ": " + policy);
        }
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), path + ": " + policy);
        assertEquals("DENY", single(headers, "X-Frame-Options", path));
        assertEquals("nosniff", single(headers, "X-Content-Type-Options", path));
        assertEquals("same-origin", single(headers, "Referrer-Policy", path));
    }

    private static String single(Map<String, List<String>> headers, String name, String path) {
        List<String> values = headers.get(name);
        assertTrue(values != null && values.size() == 1, path + ": one " + name + " header, got " + values);
        return values.get(0);
    }

    /** The response headers of a GET; HTTPS trusts the server's self-signed certificate. */
    private static Map<String, List<String>> headersOf(URL url) throws IOException, GeneralSecurityException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(trustingAll().getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        try {
            connection.getResponseCode();
            return connection.getHeaderFields();
        } finally {
            connection.disconnect();
        }
    }

    /** A TLS handshake with the listener offering exactly one protocol and one cipher suite. */
    private SSLSession handshake(String protocol, String suite) throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) trustingAll().getSocketFactory().createSocket(base.getHost(), HTTPS_PORT)) {
            socket.setSoTimeout(30_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(new String[] {suite});
            socket.startHandshake();
            return socket.getSession();
        }
    }

    private static SSLContext trustingAll() throws GeneralSecurityException {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
