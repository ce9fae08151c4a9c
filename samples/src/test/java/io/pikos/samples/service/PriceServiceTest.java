package io.pikos.samples.service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The sample service itself, with no monitor: its answers, its errors, and how it stops. */
class PriceServiceTest {

    private static PriceService service;

    @BeforeAll
    static void startTheService() throws Exception {
        service = PriceService.start(0);
    }

    @AfterAll
    static void stopTheService() {
        service.stop();
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource(delimiter = '|', value = {
            "apple | 1   | 1 x apple at 0.40, 0% off: 0.40",
            "apple | 9   | 9 x apple at 0.40, 0% off: 3.60",
            "pear  | 10  | 10 x pear at 0.55, 5% off: 5.23",
            "plum  | 49  | 49 x plum at 0.30, 5% off: 13.97",
            "plum  | 50  | 50 x plum at 0.30, 10% off: 13.50",
            "fig   | 99  | 99 x fig at 1.20, 10% off: 106.92",
            "fig   | 100 | 100 x fig at 1.20, 20% off: 96.00",
            "fig   | 10000 | 10000 x fig at 1.20, 20% off: 9600.00"})
    void a_quote_takes_the_discount_of_the_highest_tier_reached_rounded_up_to_the_cent(
            String item, int quantity, String expected) {
        assertEquals(expected + "\n", service.quote(item, quantity));
        HttpResponse<String> response = ServiceProcess.get(service.port(), "/quote?item=" + item + "&qty=" + quantity);
        assertEquals(200, response.statusCode());
        assertEquals(expected + "\n", response.body());
        assertEquals(List.of("text/plain; charset=utf-8"), response.headers().allValues("Content-Type"));
    }

    @Test
    void an_item_without_a_price_is_refused() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> service.quote("kiwi", 1));
        assertEquals("no price for 'kiwi'", thrown.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/quote?item=kiwi&qty=1        | 404 | no price for 'kiwi'",
            "/quote?item=caf%C3%A9&qty=1   | 404 | no price for 'café'",
            "/quote?qty=1                  | 400 | missing item",
            "/quote?item=apple             | 400 | qty must be a whole number from 1 to 10000",
            "/quote?item=apple&qty=0       | 400 | qty must be a whole number from 1 to 10000",
            "/quote?item=apple&qty=10001   | 400 | qty must be a whole number from 1 to 10000",
            "/quote?item=apple&qty=-1      | 400 | qty must be a whole number from 1 to 10000",
            "/quote?item=apple&qty=2.5     | 400 | qty must be a whole number from 1 to 10000",
            "/quotes?item=apple&qty=1      | 404 | no such page"})
    void a_bad_request_gets_its_status_and_a_line_of_plain_text(String pathAndQuery, int status, String body) {
        HttpResponse<String> response = ServiceProcess.get(service.port(), pathAndQuery);
        assertEquals(status, response.statusCode());
        assertEquals(body + "\n", response.body());
    }

    @Test
    void get_stop_ends_main_and_the_jvm_exits_with_status_0() throws Exception {
        try (ServiceProcess child = ServiceProcess.start(List.of(), Map.of())) {
            child.assertQuote("/quote?item=apple&qty=3", "3 x apple at 0.40, 0% off: 1.20\n");
            HttpResponse<String> stop = child.get("/stop");
            assertEquals(200, stop.statusCode());
            assertEquals("stopping\n", stop.body());
            assertEquals(0, child.awaitExit());
            assertEquals(List.of("listening on http://localhost:" + child.port() + "/"), child.stdout());
            assertEquals(List.of(), child.stderr());
        }
    }
}
