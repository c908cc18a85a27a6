package dev.slsguard.rules.resources;

/** Settings of databases and warehouses that differ in name between their resource types. */
public final class Databases {

    private Databases() {
    }

    /**
     * How many days of automated backups are kept: {@code BackupRetentionPeriod} of an RDS DB
     * instance, {@code AutomatedSnapshotRetentionPeriod} of a Redshift cluster.
     */
    public static Property backupRetention(TemplateResource db) {
        return db.property(db.type().equals("AWS::Redshift::Cluster") ? "AutomatedSnapshotRetentionPeriod"
                : "BackupRetentionPeriod");
    }
}
