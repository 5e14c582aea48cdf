package io.aponorelay.logpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

/**
 * A syslog collector for tests, written from the RFCs rather than from the relay's code: it
 * accepts RFC 5425 octet-counted frames over TCP or TLS, or RFC 5426 datagrams, and parses RFC
 * 5424 messages with a CEF body.
 */
final class SyslogCollector implements AutoCloseable {

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final ServerSocket server;

	private final DatagramSocket datagrams;

	private SyslogCollector(ServerSocket server, DatagramSocket datagrams) {
		this.server = server;
		this.datagrams = datagrams;
		if (server != null) {
			Thread.ofVirtual().start(this::accept);
		}
		if (datagrams != null) {
			Thread.ofVirtual().start(this::receive);
		}
	}

	static SyslogCollector tcp(int port) throws IOException {
		return new SyslogCollector(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), null);
	}

	static SyslogCollector tls(int port, SSLContext context) throws IOException {
		return new SyslogCollector(context.getServerSocketFactory().createServerSocket(port, 50,
				InetAddress.getLoopbackAddress()), null);
	}

	static SyslogCollector udp(int port) throws IOException {
		return new SyslogCollector(null, new DatagramSocket(port, InetAddress.getLoopbackAddress()));
	}

	/** The next message, waiting up to the given seconds. */
	String next(int seconds) throws InterruptedException {
		String message = messages.poll(seconds, TimeUnit.SECONDS);
		if (message == null) {
			throw new AssertionError("No syslog message within " + seconds + " s");
		}
		return message;
	}

	private void accept() {
		while (!server.isClosed()) {
			try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
				frames(in);
			}
			catch (IOException ex) {
				// closed, or a client that went away
			}
		}
	}

	/** Reads {@code <length> <message>} frames until the client closes. */
	private void frames(InputStream in) throws IOException {
		while (true) {
			ByteArrayOutputStream length = new ByteArrayOutputStream();
			int c;
			while ((c = in.read()) != ' ') {
				if (c < 0) {
					return;
				}
				if (c < '0' || c > '9') {
					throw new IOException("Not an octet-counted frame");
				}
				length.write(c);
			}
			byte[] message = in.readNBytes(Integer.parseInt(length.toString(StandardCharsets.US_ASCII)));
			messages.add(new String(message, StandardCharsets.UTF_8));
		}
	}

	private void receive() {
		byte[] buffer = new byte[65_535];
		while (!datagrams.isClosed()) {
			try {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				datagrams.receive(packet);
				messages.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	@Override
	public void close() throws IOException {
		if (server != null) {
			server.close();
		}
		if (datagrams != null) {
			datagrams.close();
		}
	}

	/**
	 * An RFC 5424 message.
	 *
	 * @param priority the PRI value
	 * @param timestamp the TIMESTAMP
	 * @param hostname the HOSTNAME
	 * @param appName the APP-NAME
	 * @param msgId the MSGID
	 * @param cefHeader the seven CEF header fields, unescaped
	 * @param cef the CEF extensions, unescaped
	 */
	record Message(int priority, String timestamp, String hostname, String appName, String msgId, List<String> cefHeader,
			Map<String, String> cef) {

		static Message parse(String text) {
			int close = text.indexOf('>');
			int priority = Integer.parseInt(text.substring(1, close));
			// VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG
			String[] fields = text.substring(close + 1).split(" ", 8);
			if (!fields[0].equals("1") || !fields[6].equals("-")) {
				throw new AssertionError("Not an RFC 5424 message without structured data: " + text);
			}
			String cef = fields[7];
			List<String> header = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			int i = 0;
			while (header.size() < 7) {
				char c = cef.charAt(i++);
				if (c == '\\') {
					field.append(cef.charAt(i++));
				}
				else if (c == '|') {
					header.add(field.toString());
					field.setLength(0);
				}
				else {
					field.append(c);
				}
			}
			return new Message(priority, fields[1], fields[2], fields[3], fields[5], header, extensions(cef.substring(i)));
		}

		/** {@code key=value} pairs; a key is a word before an unescaped {@code =}; values may hold spaces. */
		private static Map<String, String> extensions(String text) {
			Map<String, String> extensions = new LinkedHashMap<>();
			String key = null;
			StringBuilder token = new StringBuilder();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\\') {
					char next = text.charAt(++i);
					token.append((next == 'n') ? '\n' : (next == 'r') ? '\r' : next);
				}
				else if (c == '=') {
					int space = token.lastIndexOf(" ");
					if (key != null) {
						extensions.put(key, token.substring(0, Math.max(space, 0)));
					}
					key = token.substring(space + 1);
					token.setLength(0);
				}
				else {
					token.append(c);
				}
			}
			if (key != null) {
				extensions.put(key, token.toString());
			}
			return extensions;
		}

	}

}
