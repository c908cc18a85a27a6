package dev.slsguard.rules.least_privilege;

import dev.slsguard.engine.model.CfnValue;
import dev.slsguard.engine.model.IntrinsicText;

/** Resource values as messages show them. */
public final class Resources {

    private Resources() {
    }

    /** {@code arn:aws:sqs:...}, {@code !GetAtt Table.StreamArn}, {@code !Ref Queue}, {@code !Sub ...},
     * {@code !Join [':', [arn, !Ref AWS::Partition, ...]]}. */
    public static String describe(CfnValue value) {
        if (value.literal().isPresent()) {
            return value.literal().get();
        }
        if (value instanceof CfnValue.GetAtt att) {
            return "!GetAtt " + att.resource() + "." + att.attribute();
        }
        if (value instanceof CfnValue.Ref ref) {
            return "!Ref " + ref.logicalId();
        }
        if (value instanceof CfnValue.Sub sub) {
            return "!Sub " + sub.template();
        }
        return IntrinsicText.of(value.toJson());
    }
}
