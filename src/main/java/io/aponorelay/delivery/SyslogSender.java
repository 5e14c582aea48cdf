package io.aponorelay.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.aponorelay.store.ErrorKind;
import org.jspecify.annotations.Nullable;

/**
 * Sends one syslog message to a collector: over TCP or TLS in an RFC 5425 octet-counted frame
 * ({@code <length> <message>}) on a connection of its own, or over UDP as one datagram (RFC 5426).
 * Syslog has no answer: a message is delivered when the collector took all its bytes.
 */
final class SyslogSender {

	private SyslogSender() {
	}

	static boolean handles(String url) {
		return url.startsWith("syslog+");
	}

	/**
	 * Sends a message.
	 * @param url {@code syslog+tcp://host:port}, {@code syslog+tls://...} or {@code syslog+udp://...}
	 * @param sslContext the TLS to use for {@code tls}, or {@code null} for the JVM's default
	 * @throws TargetFailure when the message could not be handed over
	 */
	static void send(String url, String message, Duration timeout, @Nullable SSLContext sslContext) throws TargetFailure {
		URI uri = URI.create(url);
		String protocol = uri.getScheme().substring("syslog+".length());
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
		try {
			if (protocol.equals("udp")) {
				try (DatagramSocket socket = new DatagramSocket()) {
					socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(uri.getHost(), uri.getPort())));
				}
				return;
			}
			try (Socket socket = connect(protocol, uri, millis, sslContext)) {
				OutputStream out = socket.getOutputStream();
				out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
				out.write(bytes);
				out.flush();
				socket.shutdownOutput();
			}
		}
		catch (UnknownHostException ex) {
			throw new TargetFailure(ErrorKind.DNS, "The host name does not resolve", ex);
		}
		catch (ConnectException ex) {
			throw new TargetFailure(ErrorKind.CONNECTION_REFUSED, "Connection refused", ex);
		}
		catch (SocketTimeoutException ex) {
			throw new TargetFailure(ErrorKind.TIMEOUT, "No connection within " + timeout, ex);
		}
		catch (SSLException ex) {
			throw new TargetFailure(ErrorKind.TLS, "TLS handshake failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new TargetFailure(ErrorKind.CONNECTION, "The connection failed: " + ex.getMessage(), ex);
		}
	}

	private static Socket connect(String protocol, URI uri, int millis, @Nullable SSLContext sslContext)
			throws IOException {
		Socket plain = new Socket();
		plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), millis);
		plain.setSoTimeout(millis);
		if (!protocol.equals("tls")) {
			return plain;
		}
		try {
			SSLContext context = (sslContext != null) ? sslContext : SSLContext.getDefault();
			SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, uri.getHost(), uri.getPort(), true);
			SSLParameters parameters = tls.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			tls.setSSLParameters(parameters);
			tls.startHandshake();
			return tls;
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			plain.close();
			throw new IllegalStateException("TLS is part of every Java runtime", ex);
		}
		catch (IOException ex) {
			plain.close();
			throw ex;
		}
	}

}
