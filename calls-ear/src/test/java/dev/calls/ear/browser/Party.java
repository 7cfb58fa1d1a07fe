package dev.calls.ear.browser;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import dev.calls.ear.Api;

/**
 * People in one direct message (two of them) or group message (three or more), each joining its call in a
 * browser of their own through the call link. Direct and group messages start calls unmuted, so everyone
 * is heard at once. The first to join starts the call and is its host.
 */
final class Party implements AutoCloseable {

    final List<String> names = new ArrayList<>();
    final List<String> userIds = new ArrayList<>();
    final String channel;
    private final URL base;
    private final List<Browser> browsers = new ArrayList<>();
    private final List<String> sessions = new ArrayList<>();

    /** Creates a user per name prefix (made unique) and their direct or group message. */
    Party(Api api, URL base, String... prefixes) {
        this.base = base;
        String admin = api.adminToken();
        String suffix = Api.unique();
        for (String prefix : prefixes) {
            names.add(prefix + suffix);
            userIds.add(api.createUser(admin, prefix + suffix, "system_user"));
        }
        String kind = prefixes.length == 2 ? "channels/direct" : "channels/group";
        channel = api.post(kind, api.token(names.get(0), Api.PASSWORD), "[\"" + String.join("\",\"", userIds) + "\"]")
                .expect(201).id();
    }

    /**
     * The next person opens the call link in a new browser (given more Chromium command-line switches, if any),
     * signs in and waits until the call connects.
     */
    Browser join(Dimension size, String... browserArguments) {
        return enter(Browser.start(names.get(browsers.size()), size, browserArguments), base);
    }

    /** As {@link #join(Dimension, String...)}, with the server at another address (e.g. through a relay). */
    Browser join(Dimension size, URL server) {
        return enter(Browser.start(names.get(browsers.size()), size), server);
    }

    /** As {@link #join(Dimension, URL)}, in a browser on a namespace's network ({@link Browser#startIn}). */
    Browser joinIn(NamespacedDriver driver, URL server) {
        return enter(Browser.startIn(driver, names.get(browsers.size()), server), server);
    }

    private Browser enter(Browser browser, URL server) {
        int i = browsers.size();
        browsers.add(browser);
        browser.open(server + "channels/" + channel);
        browser.signIn(names.get(i), Api.PASSWORD);
        browser.await(d -> "connected".equals(Media.status(browser)), Media.PATIENCE);
        sessions.add((String) browser.call().get("sessionId"));
        return browser;
    }

    /** The session of the i-th person to join. */
    String session(int i) {
        return sessions.get(i);
    }

    /** The i-th person's participant tile as the call view shows it. */
    By tile(int i) {
        return By.cssSelector("#participants li[data-session='" + sessions.get(i) + "']");
    }

    @Override
    public void close() {
        for (Browser browser : browsers) {
            browser.close();
        }
    }
}
