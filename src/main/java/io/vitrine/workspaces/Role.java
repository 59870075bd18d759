package io.vitrine.workspaces;

public enum Role {
	OWNER, ADMIN, EDITOR, CONTRIBUTOR, CLIENT_REVIEWER, ANALYST
}
