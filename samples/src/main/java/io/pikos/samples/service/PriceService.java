package io.pikos.samples.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP price service, woven at build time like any application built with pikos, that runs
 * dark: no monitor records anything until an operator switches one on, at start with
 * {@code -Dpikos.monitor=...} (or {@code PIKOS_MONITOR=...}) or while it runs through the
 * {@code io.pikos:type=Monitors} MXBean.
 *
 * <p>It listens on the loopback interface and answers plain text:
 * <ul>
 *   <li>{@code GET /quote?item=apple&qty=3}: {@code 3 x apple at 0.40, 0% off: 1.20}, from
 *       {@link #quote}; 400 for a missing item or a quantity that is not a whole number from 1 to
 *       10000, 404 for an item without a price;</li>
 *   <li>{@code GET /stop}: {@code stopping}, after which the service stops and {@link #main} returns.
 *       SIGTERM stops it too, as it stops any JVM.</li>
 * </ul>
 *
 * <p>Requests are handled on four threads named {@code price-service-1} to {@code price-service-4}.
 * Thread-safe.
 */
public final class PriceService {

    /** The port {@link #main} listens on when given no argument. */
    public static final int DEFAULT_PORT = 8080;

    private static final int HANDLER_THREADS = 4;
    private static final int MAX_QUANTITY = 10_000;

    private final PriceTable prices = new PriceTable();
    private final DiscountRule discounts = new DiscountRule();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final ExecutorService handlers;
    private final HttpServer server;

    private PriceService(int port) throws IOException {
        AtomicInteger threads = new AtomicInteger();
        handlers = Executors.newFixedThreadPool(HANDLER_THREADS,
                task -> new Thread(task, "price-service-" + threads.incrementAndGet()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/quote", this::handleQuote);
        server.createContext("/stop", this::handleStop);
        server.setExecutor(handlers);
    }

    /**
     * Starts a service.
     *
     * @param port the port to listen on, 0 for any free port
     * @return the service, answering requests
     * @throws IOException if the port cannot be bound
     */
    public static PriceService start(int port) throws IOException {
        PriceService service = new PriceService(port);
        service.server.start();
        return service;
    }

    /**
     * Runs the service until {@code GET /stop} or SIGTERM. Prints {@code listening on
     * http://localhost:PORT/} on standard output, one line, once it answers requests.
     *
     * @param args the port, 0 for any free port; {@value #DEFAULT_PORT} if none is given
     * @throws IOException          if the port cannot be bound
     * @throws InterruptedException if interrupted while waiting for {@code /stop}
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = DEFAULT_PORT;
        if (args.length > 0) {
            try {
                port = Integer.parseInt(args[0]);
            } catch (NumberFormatException e) {
                System.err.println("usage: PriceService [PORT]; not a port: " + args[0]);
                System.exit(2);
            }
        }
        PriceService service = start(port);
        System.out.println("listening on http://localhost:" + service.port() + "/");
        System.out.flush();
        service.awaitStopRequest();
        service.stop();
    }

    /** @return the port the service listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Prices a quantity of an item: the body of a {@code /quote} answer. The unit price comes from
     * the price table, the discount from the quantity; the total is rounded up to the cent, in the
     * seller's favour.
     *
     * @param item     the item, for example {@code apple}
     * @param quantity how many units, at least 1
     * @return for example {@code "12 x apple at 0.40, 5% off: 4.56\n"}
     * @throws IllegalArgumentException if the item has no price
     */
    public String quote(String item, int quantity) {
        int unitCents = prices.unitCents(item);
        int percentOff = discounts.percentOff(quantity);
        long totalCents = total(unitCents, quantity, percentOff);
        return quantity + " x " + item + " at " + money(unitCents) + ", " + percentOff + "% off: "
                + money(totalCents) + "\n";
    }

    /**
     * Waits until a client asks the service to stop with {@code GET /stop}.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    /** Stops answering requests, closing the connections, and ends the handler threads. */
    public void stop() {
        server.stop(0);
        handlers.shutdown();
    }

    private static long total(int unitCents, int quantity, int percentOff) {
        long gross = (long) unitCents * quantity;
        long discount = gross * percentOff / 100; // rounded down: the total is rounded up
        return gross - discount;
    }

    private static String money(long cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }

    private void handleQuote(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/quote")) {
                respond(exchange, 404, "no such page\n");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 405, "use GET\n");
                return;
            }
            Map<String, String> parameters;
            try {
                parameters = parameters(exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, "malformed query\n");
                return;
            }
            String item = parameters.getOrDefault("item", "");
            int quantity = quantity(parameters.get("qty"));
            if (item.isEmpty()) {
                respond(exchange, 400, "missing item\n");
            } else if (quantity == 0) {
                respond(exchange, 400, "qty must be a whole number from 1 to " + MAX_QUANTITY + "\n");
            } else {
                String answer;
                try {
                    answer = quote(item, quantity);
                } catch (IllegalArgumentException e) {
                    respond(exchange, 404, e.getMessage() + "\n");
                    return;
                }
                respond(exchange, 200, answer);
            }
        }
    }

    private void handleStop(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/stop")) {
                respond(exchange, 404, "no such page\n");
                return;
            }
            try {
                respond(exchange, 200, "stopping\n");
            } finally {
                // The answer is sent; main, waiting for this, stops the server and the handler threads.
                stopRequested.countDown();
            }
        }
    }

    /** Decodes {@code a=1&b=2}; the first value of a name wins. */
    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** @return the quantity, or 0 if it is missing or not a whole number from 1 to {@link #MAX_QUANTITY} */
    private static int quantity(String text) {
        if (text == null || text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        int quantity = Integer.parseInt(text);
        return quantity <= MAX_QUANTITY ? quantity : 0;
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
