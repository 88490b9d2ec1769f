package org.arcc.cases.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.arcc.cases.domain.IntakeRules;

/**
 * An intake request whose fields agree with each other ({@link IntakeRules}); each broken rule is reported on
 * the field it is about, so the 400 problem names it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentIntake.Check.class)
@interface ConsistentIntake {

    String message() default "fields disagree";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ConsistentIntake, OpenCaseRequest> {
        @Override
        public boolean isValid(OpenCaseRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            var broken = IntakeRules.check(request.ageBand(), request.arrivedAt(), request.incidentDate(),
                    request.vulnerabilities());
            if (broken.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            broken.forEach(v -> context.buildConstraintViolationWithTemplate(v.message()).addPropertyNode(v.field())
                    .addConstraintViolation());
            return false;
        }
    }
}
