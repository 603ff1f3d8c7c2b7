package org.hall24.device.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed test certificates made at test time with the JDK's own {@code keytool} (no
 * certificate is committed), in PKCS12 key stores under {@code target/test-mqtt-tls/}.
 */
final class TestCertificates {

    static final String PASSWORD = "test-only-password";
    static final String ALIAS = "broker";

    private TestCertificates() {
    }

    /** A new PKCS12 key store with a self-signed RSA certificate for {@code 127.0.0.1} and {@code 127.0.0.2}. */
    static Path selfSigned(String commonName) {
        return selfSigned(commonName, "ip:127.0.0.1,ip:127.0.0.2,dns:localhost");
    }

    /** The same, naming {@code san} as its subject alternative names ({@code null}: none, the common name only). */
    static Path selfSigned(String commonName, String san) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-mqtt-tls", UUID.randomUUID().toString()));
            Path store = dir.resolve("broker.p12").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                    "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + commonName));
            if (san != null) {
                command.addAll(List.of("-ext", "SAN=" + san));
            }
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return store;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(Path store) {
        try {
            return (X509Certificate) load(store).getCertificate(ALIAS);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Client sockets trusting only the certificate in {@code store}, with the JDK's host name checks. */
    static SSLSocketFactory trusting(Path store) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("broker", certificate(store));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        }
        catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyStore load(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            return keys;
        }
        catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
