package dev.calls.web.client;

import java.util.regex.Pattern;

/** The paths the client page answers, and the {@code <base href>} it is served with. */
final class ClientRoute {

    /** A call link's path after {@code /channels}: one channel id (26 lowercase base32 characters), optional slash. */
    private static final Pattern CALL_LINK = Pattern.compile("/[a-z0-9]{26}/?");

    private ClientRoute() {
    }

    static boolean isCallLink(String pathInfo) {
        return pathInfo != null && CALL_LINK.matcher(pathInfo).matches();
    }

    /** The context root with a trailing slash, escaped for an HTML attribute. */
    static String baseHref(String contextPath) {
        String base = contextPath + "/";
        StringBuilder out = new StringBuilder(base.length());
        for (char c : base.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
