package org.hall24.device.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * The embedded broker's TLS identity: its certificate and private key, from the Spring Boot SSL
 * bundle named by {@code hall24.mqtt.tls.bundle} (PEM files or a PKCS12/JKS key store). Checked
 * once at start-up: a missing bundle, or one without a private key and its certificate, stops
 * start-up with a message naming the property. Present only when {@code hall24.mqtt.tls.port} is set.
 */
public final class BrokerTls {

    private final String bundleName;
    private final SslBundle bundle;
    private final X509Certificate certificate;

    private BrokerTls(String bundleName, SslBundle bundle, X509Certificate certificate) {
        this.bundleName = bundleName;
        this.bundle = bundle;
        this.certificate = certificate;
    }

    public static BrokerTls from(MqttProperties properties, SslBundles bundles) {
        String name = properties.tls() == null ? null : properties.tls().bundle();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("hall24.mqtt.tls.port is set but hall24.mqtt.tls.bundle is not: name the SSL bundle "
                    + "that holds the broker's certificate and key (spring.ssl.bundle.pem.<name>.keystore.certificate and "
                    + ".private-key, or spring.ssl.bundle.jks.<name>.keystore.location; docs/operations.md)");
        }
        SslBundle bundle;
        try {
            bundle = bundles.getBundle(name);
        }
        catch (NoSuchSslBundleException e) {
            throw new IllegalStateException("hall24.mqtt.tls.bundle=" + name + " names no SSL bundle: configure "
                    + "spring.ssl.bundle.pem." + name + ".keystore.* or spring.ssl.bundle.jks." + name + ".keystore.*", e);
        }
        return new BrokerTls(name, bundle, certificate(name, bundle));
    }

    private static X509Certificate certificate(String name, SslBundle bundle) {
        KeyStore store = bundle.getStores().getKeyStore();
        if (store == null) {
            throw new IllegalStateException("SSL bundle " + name + " (hall24.mqtt.tls.bundle) has no key store: give it the "
                    + "broker's certificate and private key");
        }
        try {
            String wanted = bundle.getKey().getAlias();
            for (String alias : Collections.list(store.aliases())) {
                if ((wanted == null || wanted.equals(alias)) && store.isKeyEntry(alias)) {
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
                        return leaf;
                    }
                }
            }
        }
        catch (KeyStoreException e) {
            throw new IllegalStateException("SSL bundle " + name + " (hall24.mqtt.tls.bundle) cannot be read", e);
        }
        throw new IllegalStateException("SSL bundle " + name + " (hall24.mqtt.tls.bundle) holds no private key with its "
                + "certificate" + (bundle.getKey().getAlias() == null ? "" : " under the alias " + bundle.getKey().getAlias()));
    }

    /** The key manager the broker's TLS listener presents its certificate with. */
    public KeyManagerFactory keyManagers() {
        return bundle.getManagers().getKeyManagerFactory();
    }

    /** The protocols and cipher suites the bundle restricts TLS to; empty arrays: the JVM's defaults. */
    public String[] protocols() {
        return bundle.getOptions().getEnabledProtocols() == null ? new String[0] : bundle.getOptions().getEnabledProtocols();
    }

    public String[] ciphers() {
        return bundle.getOptions().getCiphers() == null ? new String[0] : bundle.getOptions().getCiphers();
    }

    /** The broker's own certificate (the first of its chain). */
    public X509Certificate certificate() {
        return certificate;
    }

    public String bundleName() {
        return bundleName;
    }

    /**
     * Client sockets that trust exactly the broker's own certificate and nothing else, for the
     * platform's client: pinned, so it needs no CA and no host name check.
     */
    public SSLSocketFactory pinnedClientSockets() {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("hall24-embedded-broker", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        }
        catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot pin the platform's MQTT client to the broker's certificate", e);
        }
    }
}
