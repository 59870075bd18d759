package io.vitrine.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;

import java.util.Optional;
import java.util.stream.Collectors;

/** The JSON path ("targets[0].text") of the value Jackson could not read, to name it in the error. */
final class JsonFieldPath {

	private JsonFieldPath() {
	}

	static Optional<String> of(HttpMessageNotReadableException e) {
		Throwable cause = e.getCause();
		while (cause != null && !(cause instanceof DatabindException)) {
			cause = cause.getCause();
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String path = databind.getPath().stream()
				.map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining())
				.replaceFirst("^\\.", "");
			return Optional.of(path);
		}
		return Optional.empty();
	}
}
