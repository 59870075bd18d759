package io.vitrine.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Opens a browser session for someone who just proved who they are another way (a setup link). */
public interface SignIn {

	void startSession(CurrentUser user, HttpServletRequest request, HttpServletResponse response);
}
