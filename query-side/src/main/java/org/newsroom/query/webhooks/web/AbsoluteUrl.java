package org.newsroom.query.webhooks.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The string (surrounding blanks aside) is an absolute URI, e.g. {@code https://partner.example.com/newsroom}. */
@Documented
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AbsoluteUrl.Validator.class)
@interface AbsoluteUrl {

    String message() default "must be an absolute URL, e.g. https://partner.example.com/newsroom";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null passes: {@code @NotNull} or {@code @NotBlank} says whether the value is required. */
    final class Validator implements ConstraintValidator<AbsoluteUrl, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                return new URI(value.trim()).isAbsolute();
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
