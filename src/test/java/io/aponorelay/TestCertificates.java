package io.aponorelay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates made for a test run with the JDK's keytool, so that no key is ever committed: a
 * private CA, a server certificate for localhost signed by it, one for another host name, and a
 * client certificate for mutual TLS. Files are PKCS#12 with the password {@value #PASSWORD}, and
 * the CA also as PEM.
 */
public final class TestCertificates {

	public static final String PASSWORD = "changeit";

	private static TestCertificates made;

	private final Path directory;

	private TestCertificates(Path directory) {
		this.directory = directory;
	}

	/** The certificates of this test run, made on first use. */
	public static synchronized TestCertificates get() {
		if (made == null) {
			try {
				made = new TestCertificates(Files.createTempDirectory("relay-test-certificates")).make();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return made;
	}

	/** The CA's certificate, PEM: what a relay's SSL bundle trusts. */
	public Path caPem() {
		return directory.resolve("ca.pem");
	}

	/** The CA's certificate in a PKCS#12 trust store: what a target trusts client certificates by. */
	public Path caTrustStore() {
		return directory.resolve("ca-trust.p12");
	}

	/** A key store with a certificate for localhost and 127.0.0.1, signed by the CA. */
	public Path server() {
		return directory.resolve("server.p12");
	}

	/** A key store with a certificate for other.example, signed by the CA: the wrong host name. */
	public Path otherHost() {
		return directory.resolve("other-host.p12");
	}

	/** A key store with a client certificate signed by the CA. */
	public Path client() {
		return directory.resolve("client.p12");
	}

	private TestCertificates make() {
		keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Relay Test CA",
				"-ext", "bc:c", "-validity", "3", "-keystore", "ca.p12");
		keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
		keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "ca-trust.p12");
		signed("server", "CN=localhost", "san=dns:localhost,ip:127.0.0.1", "eku=serverAuth");
		signed("other-host", "CN=other.example", "san=dns:other.example", "eku=serverAuth");
		signed("client", "CN=relay-client", null, "eku=clientAuth");
		return this;
	}

	/** A key pair in {@code name.p12} with a certificate signed by the CA, and the CA before it. */
	private void signed(String name, String subject, String san, String usage) {
		String store = name + ".p12";
		keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", subject, "-validity", "3",
				"-keystore", store);
		keytool("-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
		List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-infile",
				name + ".csr", "-outfile", name + ".crt", "-validity", "3", "-ext", usage));
		if (san != null) {
			sign.addAll(List.of("-ext", san));
		}
		keytool(sign.toArray(String[]::new));
		keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store);
		keytool("-importcert", "-alias", name, "-file", name + ".crt", "-keystore", store);
	}

	private void keytool(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
