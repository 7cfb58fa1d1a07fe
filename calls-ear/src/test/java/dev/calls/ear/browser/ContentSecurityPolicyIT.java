package dev.calls.ear.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.calls.ear.Api;
import dev.calls.ear.DeployedEar;

/**
 * The client works under its Content-Security-Policy in a real browser — its scripts, style sheet, API calls
 * and signaling WebSocket load without a single violation — while a script injected into the page, as
 * cross-site scripting would, does not run.
 */
class ContentSecurityPolicyIT extends DeployedEar {

    @Test
    void theClientRunsUnderThePolicyAndAnInjectedScriptDoesNot() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        Api api = new Api(base);
        String user = "csp" + Api.unique();
        api.createUser(api.adminToken(), user, "system_user");
        api.createChannel(api.token(user, Api.PASSWORD), "csp-" + Api.unique(), "O");
        try (Browser browser = Browser.start(user, Browser.DESKTOP)) {
            browser.open(base.toString());
            browser.signIn(user, Api.PASSWORD);
            browser.element(By.cssSelector("nav[aria-label='Channels']"));
            browser.await(d -> "open".equals(browser.state().get("signaling")));

            Object ran = browser.script("const s = document.createElement('script');"
                    + "s.textContent = 'window.injectedRan = true;';"
                    + "document.head.append(s);"
                    + "return window.injectedRan === true;");
            assertEquals(Boolean.FALSE, ran, "an inline script injected into the page is blocked");

            List<String> console = browser.console();
            List<String> violations = console.stream().filter(line -> line.contains("Content Security Policy")).toList();
            assertEquals(1, violations.size(), "only the injected script is refused: " + console);
            assertTrue(violations.get(0).contains("script-src"), violations.get(0));
        }
    }
}
