package dev.slsguard.engine.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slsguard.engine.model.IamStatement;
import java.util.List;

/** Builds the final CloudFormation template. */
public final class TemplateMerger {

    private TemplateMerger() {
    }

    public static ObjectNode merge(TemplateDraft draft, List<IamStatement> statements) {
        throw new UnsupportedOperationException("TODO");
    }
}
