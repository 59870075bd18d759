package io.vitrine.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Refuses an upload larger than the limit before anything reads its body. Otherwise the first reader is
 * Spring Security's CSRF check (a form's token is a body parameter), whose parse fails outside any
 * controller advice and ends on the container's bare error page. Here: 413 with the limit named, as
 * problem JSON under /api, and the layout's error page ("File too large", by a forward as a GET) for forms; the upload page
 * also checks the size in the browser first (js/media.js). Requests without a Content-Length (chunked)
 * still meet the container's limit while parsing.
 */
@Configuration(proxyBeanMethods = false)
class UploadSizeGuard {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> uploadSizeFilter(@Value("${spring.servlet.multipart.max-request-size}") DataSize limit) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard(limit));
		registration.setOrder(-200); // before Spring Security's filter chain (-100)
		return registration;
	}

	static String readable(long bytes) {
		long mb = 1024 * 1024;
		return bytes % mb == 0 ? bytes / mb + " MB" : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
	}

	private static final class Guard extends OncePerRequestFilter {

		private final DataSize limit;

		Guard(DataSize limit) {
			this.limit = limit;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String type = request.getContentType();
			boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
			if (!multipart || request.getContentLengthLong() <= limit.toBytes()) {
				chain.doFilter(request, response);
				return;
			}
			String message = "is larger than the upload limit of " + readable(limit.toBytes()) + " (VITRINE_MAX_UPLOAD_SIZE)";
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Upload too large\",\"status\":413,"
						+ "\"detail\":\"file: " + message + "\",\"errors\":[{\"field\":\"file\",\"rule\":\"max-size\",\"message\":\""
						+ message + "\"}]}");
				return;
			}
			// Not sendError: the error dispatch would keep the POST, and the CSRF check would parse the body again.
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.PAYLOAD_TOO_LARGE.value());
			request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "file: " + message);
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			request.getRequestDispatcher("/error").forward(new Unread(request), response);
		}
	}

	/** The refused request as a GET with no body and no parameters, so nothing downstream reads what was sent. */
	private static final class Unread extends HttpServletRequestWrapper {

		Unread(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public int getContentLength() {
			return -1;
		}

		@Override
		public long getContentLengthLong() {
			return -1;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}
	}
}
