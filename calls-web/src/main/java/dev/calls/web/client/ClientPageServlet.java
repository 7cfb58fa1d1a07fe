package dev.calls.web.client;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Serves the browser client's one page at the context root and at every call link
 * ({@code <base>/channels/<channel_id>}), so that a link opens the app, which then signs in, checks the
 * caller may join and joins. The page names the context root in {@code <base href>}, so its relative
 * script and style URLs resolve from any of these paths. The REST API under {@code /api/v1} and the
 * static files keep their own handlers: this servlet's patterns match neither.
 */
@WebServlet(urlPatterns = {"", "/channels/*"})
public class ClientPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The page template; the only place it is read from, so {@code /index.html} is not a second copy. */
    static final String TEMPLATE = "/WEB-INF/client/index.html";
    static final String BASE_PLACEHOLDER = "{{base}}";

    private String page;

    @Override
    public void init() throws ServletException {
        try (InputStream in = getServletContext().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new ServletException("The client page " + TEMPLATE + " is missing from the web module.");
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServletException("Cannot read the client page " + TEMPLATE, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo();
        if (request.getServletPath().startsWith("/channels") && !ClientRoute.isCallLink(pathInfo)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        // The page carries no data, but it must be fetched again after a deployment so its modules match.
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(page.replace(BASE_PLACEHOLDER, ClientRoute.baseHref(request.getContextPath())));
    }
}
