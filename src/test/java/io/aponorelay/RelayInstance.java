package io.aponorelay;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole relay started in this JVM with the given arguments, on a random port and a fresh
 * in-memory store: for tests of settings that apply to the whole relay, such as its
 * authentication mode.
 */
public final class RelayInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RelayInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static RelayInstance start(String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0"));
		if (List.of(arguments).stream().noneMatch((argument) -> argument.startsWith("--spring.datasource.url="))) {
			all.add("--spring.datasource.url=jdbc:h2:mem:relay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		}
		all.addAll(List.of(arguments));
		return new RelayInstance(new SpringApplication(RelayApplication.class).run(all.toArray(String[]::new)));
	}

	public String url() {
		return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	public RelayClient client() {
		return new RelayClient(url());
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public long events() {
		return bean(JdbcClient.class).sql("SELECT COUNT(*) FROM relay_event").query(Long.class).single();
	}

	@Override
	public void close() {
		context.close();
	}

}
