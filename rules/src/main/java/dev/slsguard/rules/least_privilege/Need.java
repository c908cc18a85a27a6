package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IamStatement;

/**
 * One action a function's own events need on one resource, from a statement Serverless Framework
 * derives for it.
 *
 * @param action   the action ({@code sqs:ReceiveMessage})
 * @param resource the resource
 * @param by       the derived statement
 */
public record Need(String action, CfnValue resource, IamStatement by) {
}
