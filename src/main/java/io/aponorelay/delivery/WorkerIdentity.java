package io.aponorelay.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Names this relay instance in the leases it holds: host, process and a random part, so that two
 * instances never share a name.
 */
@Component
class WorkerIdentity {

	private final String id;

	WorkerIdentity() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		String id = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.id = (id.length() > 100) ? id.substring(id.length() - 100) : id;
	}

	String id() {
		return id;
	}

}
