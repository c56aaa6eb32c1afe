package org.newsroom.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The command side as an application on a random port, for tests over real HTTP: cheap password hashes, no banner, and
 * without the repository's log of every refused command. Each test class still gives its own data directory.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = CommandSideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.security.bcrypt-strength=4",
            "spring.main.banner-mode=off",
            "logging.level.org.axonframework.modelling.command.AbstractRepository=ERROR"
        })
public @interface CommandSideOverHttp {}
