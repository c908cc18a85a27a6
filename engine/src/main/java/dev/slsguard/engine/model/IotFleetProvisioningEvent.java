package dev.slsguard.engine.model;

/**
 * An {@code iotFleetProvisioning} event as compiled: an {@code AWS::IoT::ProvisioningTemplate}
 * whose pre-provisioning hook is the function, and the {@code AWS::Lambda::Permission} that lets
 * AWS IoT invoke it (v3 writes it without {@code SourceArn}).
 *
 * @param function            the function key
 * @param index               position in the function's {@code events:}
 * @param templateId          logical id of the {@code AWS::IoT::ProvisioningTemplate}
 * @param permissionId        logical id of the {@code AWS::Lambda::Permission}
 * @param provisioningRoleArn the role AWS IoT provisions devices with (literal or intrinsic)
 * @param enabled             the template's {@code Enabled} (true unless {@code enabled: false})
 * @param options             the event value as written, typed and located
 * @param ref                 the event item's location
 */
public record IotFleetProvisioningEvent(String function, int index, String templateId, String permissionId,
                                        CfnValue provisioningRoleArn, boolean enabled, Setting options,
                                        SourceRef ref) {
}
