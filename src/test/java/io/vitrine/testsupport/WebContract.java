package io.vitrine.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application behind MockMvc (security filters included), engine off, with a
 * {@link SettableClock}. Contracts annotated alike share one application context per database
 * (so they share its data too: create your own people and workspaces with {@link People}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "vitrine.engine.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SettableClock.Config.class)
public @interface WebContract {
}
