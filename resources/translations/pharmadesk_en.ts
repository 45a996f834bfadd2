<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="+140"/>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong passwords</source>
        <translation>Wrong passwords</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting until</source>
        <translation>Waiting until</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location line="-122"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacist</source>
        <translation>Pharmacist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An account needs a name.</source>
        <translation>An account needs a name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An account named %1 already exists.</source>
        <translation>An account named %1 already exists.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A password needs at least %1 characters.</source>
        <translation>A password needs at least %1 characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no active account named %1.</source>
        <translation>There is no active account named %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pharmacy must keep at least one owner account.</source>
        <translation>The pharmacy must keep at least one owner account.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot remove the account you are signed in with.</source>
        <translation>You cannot remove the account you are signed in with.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The auto-lock time must be %1 to %2 minutes.</source>
        <translation>The auto-lock time must be %1 to %2 minutes.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Only the owner may manage accounts.</source>
        <translation>Only the owner may manage accounts.</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>At least %1 characters</source>
        <translation>At least %1 characters</translation>
    </message>
    <message>
        <location line="+175"/>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;role…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;password…</source>
        <translation>Set &amp;password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move…</source>
        <translation>Re&amp;move…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lift wait</source>
        <translation>&amp;Lift wait</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New recovery &amp;code…</source>
        <translation>New recovery &amp;code…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lock the window after idle &amp;minutes:</source>
        <translation>Lock the window after idle &amp;minutes:</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Account %1 added.</source>
        <translation>Account %1 added.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is now: %2.</source>
        <translation>%1 is now: %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 has a new password.</source>
        <translation>%1 has a new password.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Account %1 removed.</source>
        <translation>Account %1 removed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove the account %1? It can no longer sign in. What it did stays in the audit log under its name, and the owner can add the name again later.</source>
        <translation>Remove the account %1? It can no longer sign in. What it did stays in the audit log under its name, and the owner can add the name again later.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove account</source>
        <translation>Remove account</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 may try to sign in again now.</source>
        <translation>%1 may try to sign in again now.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The recovery code was replaced; the old one no longer works.</source>
        <translation>The recovery code was replaced; the old one no longer works.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make a new recovery code? The old one stops working at once: throw away the paper it is written on once the new one is kept safe.</source>
        <translation>Make a new recovery code? The old one stops working at once: throw away the paper it is written on once the new one is kept safe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New recovery code</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Make a new code</source>
        <translation>&amp;Make a new code</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>The window now locks after %Ln idle minute(s).</source>
        <translation>
            <numerusform>The window now locks after %Ln idle minute.</numerusform>
            <numerusform>The window now locks after %Ln idle minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location line="-365"/>
        <source>Add an account</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;peat password</source>
        <translation>Re&amp;peat password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords differ</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>AdjustPointsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/points_panel.py" line="+99"/>
        <source>Correct points</source>
        <translation>Correct points</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Points to add, or a minus sign and the points to take</source>
        <translation>Points to add, or a minus sign and the points to take</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the points are corrected (required)</source>
        <translation>Why the points are corrected (required)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Balance now</source>
        <translation>Balance now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Points (+/−)</source>
        <translation>&amp;Points (+/−)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enter the points to add, or a minus sign and the points to take.</source>
        <translation>Enter the points to add, or a minus sign and the points to take.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>Say why the points are corrected.</source>
        <translation>Say why the points are corrected.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The customer has %1 points; %2 cannot be taken.</source>
        <translation>The customer has %1 points; %2 cannot be taken.</translation>
    </message>
</context>
<context>
    <name>AllPurchasesModel</name>
    <message>
        <location filename="../../pharmadesk/ui/models.py" line="+234"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
</context>
<context>
    <name>AllPurchasesWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/all_purchases.py" line="+30"/>
        <source>All purchases</source>
        <translation>All purchases</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%Ln purchase line(s)</source>
        <translation>
            <numerusform>%Ln purchase line</numerusform>
            <numerusform>%Ln purchase lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalyticsSegments</name>
    <message>
        <location filename="../../pharmadesk/ui/analytics_labels.py" line="+13"/>
        <source>High value</source>
        <translation>High value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Potential</source>
        <translation>Potential</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular</source>
        <translation>Regular</translation>
    </message>
</context>
<context>
    <name>AnalyticsStages</name>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <location filename="../../pharmadesk/ui/audit_viewer.py" line="+168"/>
        <location line="+1"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>F&amp;rom</source>
        <translation>F&amp;rom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Action</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Customer</source>
        <translation>&amp;Customer</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>All users</source>
        <translation>All users</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location line="+43"/>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the audit log…</source>
        <translation>Checking the audit log…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Not a date: use YYYY-MM-DD, e.g. 2026-11-20.</source>
        <translation>Not a date: use YYYY-MM-DD, e.g. 2026-11-20.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the audit log…</source>
        <translation>Reading the audit log…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Checking the audit log… %Ln event(s) intact so far.</source>
        <translation>
            <numerusform>Checking the audit log… %Ln event intact so far.</numerusform>
            <numerusform>Checking the audit log… %Ln events intact so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The audit log is intact: all %Ln event(s) are as they were written.</source>
        <translation>
            <numerusform>The audit log is intact: its %Ln event is as it was written.</numerusform>
            <numerusform>The audit log is intact: all %Ln events are as they were written.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it does not link to the event before it (an event was removed or inserted)</source>
        <translation>it does not link to the event before it (an event was removed or inserted)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it was changed after it was written</source>
        <translation>it was changed after it was written</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning: the audit log was tampered with. The chain breaks at event %1: %2. Events from there on cannot be trusted; restore the last backup to compare.</source>
        <translation>Warning: the audit log was tampered with. The chain breaks at event %1: %2. Events from there on cannot be trusted; restore the last backup to compare.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>audit-log</source>
        <translation>audit-log</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln event(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln event exported to %1.</numerusform>
            <numerusform>%Ln events exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Only the owner may see the audit log.</source>
        <translation>Only the owner may see the audit log.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first day comes after the last day.</source>
        <translation>The first day comes after the last day.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location line="-355"/>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../pharmadesk/ui/backup_actions.py" line="+184"/>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing up the pharmacy…</source>
        <translation>Backing up the pharmacy…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Backed up at %1</source>
        <translation>Backed up at %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the check could not finish: %1</source>
        <translation>the check could not finish: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pharmacy file checked: no problem</source>
        <translation>Pharmacy file checked: no problem</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A problem in the pharmacy file</source>
        <translation>A problem in the pharmacy file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the pharmacy file found a problem:</source>
        <translation>Checking the pharmacy file found a problem:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restoring the last good backup may be needed.</source>
        <translation>Restoring the last good backup may be needed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore from backup…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please tell the owner.</source>
        <translation>Please tell the owner.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The daily backup failed: %1</source>
        <translation>The daily backup failed: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Backing up before closing</source>
        <translation>Backing up before closing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing up the pharmacy before closing…</source>
        <translation>Backing up the pharmacy before closing…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Restoring a backup…</source>
        <translation>Restoring a backup…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sign in to the restored pharmacy.</source>
        <translation>Sign in to the restored pharmacy.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backup was not restored: %1</source>
        <translation>The backup was not restored: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
</context>
<context>
    <name>BackupText</name>
    <message>
        <location filename="../../pharmadesk/ui/backup_dialogs.py" line="+63"/>
        <source>made by hand</source>
        <translation>made by hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on exit</source>
        <translation>on exit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>daily</source>
        <translation>daily</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>before a restore</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n purchase line(s)</source>
        <translation>
            <numerusform>%n purchase line</numerusform>
            <numerusform>%n purchase lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy</source>
        <translation>Pharmacy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds</source>
        <translation>Holds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App version</source>
        <translation>App version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Backup saved and checked:</source>
        <translation>Backup saved and checked:</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>Wrong user name or password for this backup. Nothing was changed.</source>
        <translation>Wrong user name or password for this backup. Nothing was changed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only an owner account of the backup may restore it. Nothing was changed.</source>
        <translation>Only an owner account of the backup may restore it. Nothing was changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This backup cannot be restored: %1</source>
        <translation>This backup cannot be restored: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring the backup of %1…</source>
        <translation>Restoring the backup of %1…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The backup of %1 was restored.</source>
        <translation>The backup of %1 was restored.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The data it replaced is kept in %1.</source>
        <translation>The data it replaced is kept in %1.</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/import_history.py" line="+59"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 (scanned cards)</source>
        <translation>%1 (scanned cards)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undone</source>
        <translation>Undone</translation>
    </message>
</context>
<context>
    <name>BirthdayTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/birthdays_tab.py" line="+63"/>
        <source>Birthday</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turns</source>
        <translation>Turns</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greeting</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✓ Greeted</source>
        <translation>✓ Greeted</translation>
    </message>
</context>
<context>
    <name>BirthdaysTab</name>
    <message>
        <location line="+59"/>
        <source>G&amp;reeting (from the template; you may edit it before copying)</source>
        <translation>G&amp;reeting (from the template; you may edit it before copying)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This &amp;week, Monday to Sunday (%1 – %2)</source>
        <translation>This &amp;week, Monday to Sunday (%1 – %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This &amp;month (%1 – %2)</source>
        <translation>This &amp;month (%1 – %2)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Copy greeting</source>
        <translation>&amp;Copy greeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log greeting…</source>
        <translation>&amp;Log greeting…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open customer</source>
        <translation>&amp;Open customer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The birthdays could not be loaded: %1</source>
        <translation>The birthdays could not be loaded: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, %2 greeted.</source>
        <translation>%1, %2 greeted.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln birthday(s)</source>
        <translation>
            <numerusform>%Ln birthday</numerusform>
            <numerusform>%Ln birthdays</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The greeting could not be written: %1</source>
        <translation>The greeting could not be written: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Greeting copied.</source>
        <translation>Greeting copied.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Birthday greeting: %1</source>
        <translation>Birthday greeting: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The greeting was not logged: %1</source>
        <translation>The greeting was not logged: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday greeting</source>
        <translation>Birthday greeting</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/call_dialog.py" line="+61"/>
        <source>Call %1</source>
        <translation>Call %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No mobile on file</source>
        <translation>No mobile on file</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hannel</source>
        <translation>C&amp;hannel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CardImport</name>
    <message>
        <location filename="../../pharmadesk/ui/card_reader.py" line="+56"/>
        <source>%1, page %2</source>
        <translation>%1, page %2</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/card_text.py" line="+24"/>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reading…</source>
        <translation>reading…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to check</source>
        <translation>to check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreadable</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was read here</source>
        <translation>Nothing was read here</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in a valid form</source>
        <translation>Not in a valid form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reader is not sure of this</source>
        <translation>The reader is not sure of this</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A stamp may cover this: compare with the card</source>
        <translation>A stamp may cover this: compare with the card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May be a customer already on file</source>
        <translation>May be a customer already on file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration date</source>
        <translation>Registration date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” does not exist.</source>
        <translation>“%1” does not exist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is too big for a scan (at most 100 MB).</source>
        <translation>“%1” is too big for a scan (at most 100 MB).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not a scan PharmaDesk reads (PNG, JPEG, TIFF or PDF).</source>
        <translation>“%1” is not a scan PharmaDesk reads (PNG, JPEG, TIFF or PDF).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is damaged or cut short and cannot be read.</source>
        <translation>“%1” is damaged or cut short and cannot be read.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has more pages than a file of cards may hold (at most 1,000).</source>
        <translation>“%1” has more pages than a file of cards may hold (at most 1,000).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” has more pixels than a scanned card can have: scan it at 300 dpi.</source>
        <translation>“%1” has more pixels than a scanned card can have: scan it at 300 dpi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is empty.</source>
        <translation>“%1” is empty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder “%1” holds no scans (PNG, JPEG, TIFF or PDF).</source>
        <translation>The folder “%1” holds no scans (PNG, JPEG, TIFF or PDF).</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scanned cards cannot be read on this computer.</source>
        <translation>Scanned cards cannot be read on this computer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The text recogniser&apos;s packages are not installed (%1). Install PharmaDesk with its “ocr” extra: pip install &apos;pharmadesk[ocr]&apos;</source>
        <translation>The text recogniser&apos;s packages are not installed (%1). Install PharmaDesk with its “ocr” extra: pip install &apos;pharmadesk[ocr]&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The recogniser&apos;s models are missing from this installation, and PharmaDesk never downloads any: reinstall rapidocr.</source>
        <translation>The recogniser&apos;s models are missing from this installation, and PharmaDesk never downloads any: reinstall rapidocr.</translation>
    </message>
</context>
<context>
    <name>CardImportWizard</name>
    <message>
        <location filename="../../pharmadesk/ui/card_import.py" line="+71"/>
        <source>Import scanned cards</source>
        <translation>Import scanned cards</translation>
    </message>
    <message numerus="yes">
        <location line="+83"/>
        <source>%n card(s) accepted and not imported yet. Close and lose the check?</source>
        <translation>
            <numerusform>%n card accepted and not imported yet. Close and lose the check?</numerusform>
            <numerusform>%n cards accepted and not imported yet. Close and lose the check?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardList</name>
    <message>
        <location filename="../../pharmadesk/ui/card_list.py" line="+51"/>
        <source>Accepted: %1 · To check: %2 · Skipped: %3 · Unreadable: %4</source>
        <translation>Accepted: %1 · To check: %2 · Skipped: %3 · Unreadable: %4</translation>
    </message>
</context>
<context>
    <name>CardPageDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/card_page_dialog.py" line="+249"/>
        <source>Scanned card</source>
        <translation>Scanned card</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>A card shows health data (allergies, chronic conditions), which your account may not see: ask a pharmacist or the owner to look at it.</source>
        <translation>A card shows health data (allergies, chronic conditions), which your account may not see: ask a pharmacist or the owner to look at it.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This card&apos;s image was not kept in the pharmacy file, only where the scan is: “%1”, page %2.

The owner can choose to keep card images, in Settings.</source>
        <translation>This card&apos;s image was not kept in the pharmacy file, only where the scan is: “%1”, page %2.

The owner can choose to keep card images, in Settings.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading the card&apos;s image…</source>
        <translation>Loading the card&apos;s image…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This card&apos;s image is no longer in the pharmacy file.</source>
        <translation>This card&apos;s image is no longer in the pharmacy file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card&apos;s stored image cannot be shown: it may be damaged.</source>
        <translation>The card&apos;s stored image cannot be shown: it may be damaged.</translation>
    </message>
</context>
<context>
    <name>CardPageLink</name>
    <message>
        <location line="-268"/>
        <source>The paper registration card this customer was imported from</source>
        <translation>The paper registration card this customer was imported from</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Scanned card: %1 pages…</source>
        <translation>Scanned card: %1 pages…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanned card…</source>
        <translation>Scanned card…</translation>
    </message>
</context>
<context>
    <name>CardPageModel</name>
    <message>
        <location line="+31"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>image kept</source>
        <translation>image kept</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reference only</source>
        <translation>reference only</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="+32"/>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Account: %1</source>
        <translation>Account: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Current password</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;peat new password</source>
        <translation>Re&amp;peat new password</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The two passwords differ</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../pharmadesk/ui/chart_view.py" line="+69"/>
        <location line="+44"/>
        <source>Save chart…</source>
        <translation>Save chart…</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Save chart: %1</source>
        <translation>Save chart: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Chart not saved</source>
        <translation>Chart not saved</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 could not be written: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save chart</source>
        <translation>Save chart</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../pharmadesk/ui/card_check_page.py" line="+54"/>
        <source>Check every card</source>
        <translation>Check every card</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare each value with the card and correct it. Enter accepts the card; only accepted cards are imported.</source>
        <translation>Compare each value with the card and correct it. Enter accepts the card; only accepted cards are imported.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Accept (Enter)</source>
        <translation>Accept (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip (%1)</source>
        <translation>Skip (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unreadable (%1)</source>
        <translation>Unreadable (%1)</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>This card has not been read yet.</source>
        <translation>This card has not been read yet.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A card needs a name to be imported: type it, or skip the card (%1).</source>
        <translation>A card needs a name to be imported: type it, or skip the card (%1).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tick “Checked” beside the allergies and the chronic conditions first: health data is imported only once a person has compared it with the card.</source>
        <translation>Tick “Checked” beside the allergies and the chronic conditions first: health data is imported only once a person has compared it with the card.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Marked unreadable before it was read.</source>
        <translation>Marked unreadable before it was read.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Waiting for the next card to be read…</source>
        <translation>Waiting for the next card to be read…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every card read has been checked: go on with Next.</source>
        <translation>Every card read has been checked: go on with Next.</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../pharmadesk/ui/import_columns_page.py" line="+90"/>
        <source>Match the columns</source>
        <translation>Match the columns</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose what each column holds. The heading row was found automatically.</source>
        <translation>Choose what each column holds. The heading row was found automatically.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save as te&amp;mplate…</source>
        <translation>Save as te&amp;mplate…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Column heading</source>
        <translation>Column heading</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Example %1</source>
        <translation>Example %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes to</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Heading &amp;row:</source>
        <translation>Heading &amp;row:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Template:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Ignore</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Custom field: %1</source>
        <translation>Custom field: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New custom field…</source>
        <translation>New custom field…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(column %1)</source>
        <translation>(column %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (row %2)</source>
        <translation>%1 (row %2)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>New custom field</source>
        <translation>New custom field</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label of the new text field:</source>
        <translation>Label of the new text field:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Columns set to Ignore are left out.</source>
        <translation>Columns set to Ignore are left out.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the column that holds the names: a customer needs one.</source>
        <translation>Choose the column that holds the names: a customer needs one.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Template “%1” applied.</source>
        <translation>Template “%1” applied.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save as template</source>
        <translation>Save as template</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Template name:</source>
        <translation>Template name:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Template “%1” saved.</source>
        <translation>Template “%1” saved.</translation>
    </message>
</context>
<context>
    <name>CommitPage</name>
    <message>
        <location filename="../../pharmadesk/ui/import_commit_page.py" line="+52"/>
        <location line="+128"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>&amp;Cancel import</source>
        <translation>&amp;Cancel import</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+122"/>
        <source>Save &amp;report…</source>
        <translation>Save &amp;report…</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Imported as batch %1.</source>
        <translation>Imported as batch %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The import was cancelled. Nothing was written.</source>
        <translation>The import was cancelled. Nothing was written.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Nothing was written.</source>
        <translation>Nothing was written.</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%Ln row(s) of this file were rejected or imported with a warning. The report is the only list of them and of the reasons, and it has not been saved: once the wizard is closed they cannot be listed again.</source>
        <translation>
            <numerusform>%Ln row of this file was rejected or imported with a warning. The report is the only list of it and of the reason, and it has not been saved: once the wizard is closed it cannot be listed again.</numerusform>
            <numerusform>%Ln rows of this file were rejected or imported with a warning. The report is the only list of them and of the reasons, and it has not been saved: once the wizard is closed they cannot be listed again.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close &amp;without report</source>
        <translation>Close &amp;without report</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 - import report</source>
        <translation>%1 - import report</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the import report</source>
        <translation>Save the import report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Report saved to %1 (%Ln row(s)).</source>
        <translation>
            <numerusform>Report saved to %1 (%Ln row).</numerusform>
            <numerusform>Report saved to %1 (%Ln rows).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentHistoryModel</name>
    <message>
        <location filename="../../pharmadesk/ui/consent_panel.py" line="+54"/>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Given by</source>
        <translation>Given by</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Guardian</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <location line="+26"/>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer withdraws this consent (recorded at once)</source>
        <translation>The customer withdraws this consent (recorded at once)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Consents are recorded when the customer is saved.</source>
        <translation>Consents are recorded when the customer is saved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A child&apos;s consents are given by the guardian, %1.</source>
        <translation>A child&apos;s consents are given by the guardian, %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>notice %1</source>
        <translation>notice %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by the guardian</source>
        <translation>by the guardian</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not withdrawn</source>
        <translation>Not withdrawn</translation>
    </message>
</context>
<context>
    <name>ControlledProductsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/controlled_products_dialog.py" line="+43"/>
        <location line="+69"/>
        <source>Controlled medicines</source>
        <translation>Controlled medicines</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Find a product: name, pinyin initials or barcode</source>
        <translation>Find a product: name, pinyin initials or barcode</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Controlled</source>
        <translation>Controlled</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> packs</source>
        <translation> packs</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sales of a controlled medicine need the buyer&apos;s name, ID number and the batch in the real-name register, and at most the limit below per sale unless a pharmacist gives a reason.</source>
        <translation>Sales of a controlled medicine need the buyer&apos;s name, ID number and the batch in the real-name register, and at most the limit below per sale unless a pharmacist gives a reason.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Per-sale &amp;limit of one product</source>
        <translation>Per-sale &amp;limit of one product</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Close without saving the changes?</source>
        <translation>Close without saving the changes?</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Nothing changed.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is now controlled</source>
        <translation>%1 is now controlled</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is no longer controlled</source>
        <translation>%1 is no longer controlled</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the per-sale limit is now %1 packs (was %2)</source>
        <translation>the per-sale limit is now %1 packs (was %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved: %1.</source>
        <translation>Saved: %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../pharmadesk/ui/crash.py" line="+105"/>
        <source>PharmaDesk: something went wrong</source>
        <translation>PharmaDesk: something went wrong</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open the log folder</source>
        <translation>Open the log folder</translation>
    </message>
</context>
<context>
    <name>CustomFieldsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/custom_fields_dialog.py" line="+84"/>
        <location line="+51"/>
        <location line="+29"/>
        <source>Custom fields</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add options…</source>
        <translation>Add options…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire / restore</source>
        <translation>Retire / restore</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (retired)</source>
        <translation>%1 (retired)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Rename field</source>
        <translation>Rename field</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New label</source>
        <translation>New label</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Only a choice field has options.</source>
        <translation>Only a choice field has options.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add options</source>
        <translation>Add options</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New options for %1 (now: %2), separated by commas. Options already saved on customers are never taken away.</source>
        <translation>New options for %1 (now: %2), separated by commas. Options already saved on customers are never taken away.</translation>
    </message>
</context>
<context>
    <name>CustomerDataDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/privacy_dialogs.py" line="+166"/>
        <source>Export this customer&apos;s data</source>
        <translation>Export this customer&apos;s data</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything PharmaDesk holds about %1 (profile, purchases, interactions, consents, points, the audit entries about them and the imports that touched their file) is written to one Excel workbook, in plain text. Hand it to the customer and do not keep a copy. The export is recorded in the audit log.</source>
        <translation>Everything PharmaDesk holds about %1 (profile, purchases, interactions, consents, points, the audit entries about them and the imports that touched their file) is written to one Excel workbook, in plain text. Hand it to the customer and do not keep a copy. The export is recorded in the audit log.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save as:</source>
        <translation>Save as:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>customer data %1</source>
        <translation>customer data %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Written: %1</source>
        <translation>Written: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No file was written.</source>
        <translation>No file was written.</translation>
    </message>
</context>
<context>
    <name>CustomerFormWidget</name>
    <message>
        <location filename="../../pharmadesk/ui/customer_form.py" line="+88"/>
        <source>Allergies, conditions and notes are shown to pharmacists.</source>
        <translation>Allergies, conditions and notes are shown to pharmacists.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>How the consents changed on this form were given</source>
        <translation>How the consents changed on this form were given</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>e.g. 1965-03-07 or 1965年3月7日</source>
        <translation>e.g. 1965-03-07 or 1965年3月7日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>if the birth date is unknown</source>
        <translation>if the birth date is unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>11 digits, spaces or dashes allowed</source>
        <translation>11 digits, spaces or dashes allowed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required for a child under 14</source>
        <translation>Required for a child under 14</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>e.g. 2024-01-31</source>
        <translation>e.g. 2024-01-31</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>Looks like a mobile with a digit missing or extra: check it</source>
        <translation>Looks like a mobile with a digit missing or extra: check it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a mobile: it will be kept as the other phone</source>
        <translation>Not a mobile: it will be kept as the other phone</translation>
    </message>
</context>
<context>
    <name>CustomerHitsModel</name>
    <message>
        <location filename="../../pharmadesk/ui/models.py" line="-152"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member code</source>
        <translation>Member code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (inactive)</source>
        <translation>%1 (inactive)</translation>
    </message>
</context>
<context>
    <name>CustomerListWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/segment_customers.py" line="+146"/>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the owner may export personal data.</source>
        <translation>Only the owner may export personal data.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter or a double click opens the customer.</source>
        <translation>Enter or a double click opens the customer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 · %2 spent in the last 12 months</source>
        <translation>%1 · %2 spent in the last 12 months</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln left out: no contact consent</source>
        <translation>
            <numerusform>%Ln left out: no contact consent</numerusform>
            <numerusform>%Ln left out: no contact consent</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export the list</source>
        <translation>Export the list</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not exported</source>
        <translation>Not exported</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../pharmadesk/ui/customer_panel.py" line="+93"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Please confirm mobile and address</source>
        <translation>Please confirm mobile and address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They are back: contact and reminders again</source>
        <translation>They are back: contact and reminders again</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Deceased on %1</source>
        <translation>Deceased on %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moved away on %1</source>
        <translation>Moved away on %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add purchase…</source>
        <translation>Add purchase…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Log interaction…</source>
        <translation>Log interaction…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark follow-up done</source>
        <translation>Mark follow-up done</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Allergies: %1</source>
        <translation>Allergies: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chronic conditions: %1</source>
        <translation>Chronic conditions: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total spend %1 · %2 · last visit %3 · usually %4 · %5</source>
        <translation>Total spend %1 · %2 · last visit %3 · usually %4 · %5</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>%Ln visit</numerusform>
            <numerusform>%Ln visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln open follow-up(s)</source>
        <translation>
            <numerusform>%Ln open follow-up</numerusform>
            <numerusform>%Ln open follow-ups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerRowsModel</name>
    <message>
        <location filename="../../pharmadesk/ui/segment_customers.py" line="-156"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member code</source>
        <translation>Member code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last purchase</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions (12 months)</source>
        <translation>Transactions (12 months)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days to period end</source>
        <translation>Days to period end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend (12 months)</source>
        <translation>Spend (12 months)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/dashboard.py" line="+68"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Month &amp;report…</source>
        <translation>Month &amp;report…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not compute: %1</source>
        <translation>Could not compute: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sales are on record from %1 only: %2 is partly recorded, so the changes against it are not like for like.</source>
        <translation>Sales are on record from %1 only: %2 is partly recorded, so the changes against it are not like for like.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Drawing…</source>
        <translation>Drawing…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A month report is made for a month period</source>
        <translation>A month report is made for a month period</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Finding the customers…</source>
        <translation>Finding the customers…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Segment: %1</source>
        <translation>Segment: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage: %1</source>
        <translation>Stage: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bought %1</source>
        <translation>Bought %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bought in %1</source>
        <translation>Bought in %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Writing the month report…</source>
        <translation>Writing the month report…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Month report written: %1</source>
        <translation>Month report written: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Month report not written</source>
        <translation>Month report not written</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Month report</source>
        <translation>Month report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DiscardQuestion</name>
    <message>
        <location filename="../../pharmadesk/ui/discard_question.py" line="+18"/>
        <source>Close without saving what was entered?</source>
        <translation>Close without saving what was entered?</translation>
    </message>
</context>
<context>
    <name>DuplicatesTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/duplicates_window.py" line="+62"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Other customer</source>
        <translation>Other customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certain</source>
        <translation>Certain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strong</source>
        <translation>Strong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible</source>
        <translation>Possible</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Score %1 of 100</source>
        <translation>Score %1 of 100</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesWindow</name>
    <message>
        <location line="+25"/>
        <source>Duplicate customers</source>
        <translation>Duplicate customers</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Customers who may have been registered twice. Merge the ones that are one person; say when two are not, and the pair is not proposed again.</source>
        <translation>Customers who may have been registered twice. Merge the ones that are one person; say when two are not, and the pair is not proposed again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Level:</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not the same person</source>
        <translation>&amp;Not the same person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete: this pair is never proposed again</source>
        <translation>Delete: this pair is never proposed again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Z: propose the last dismissed pair again</source>
        <translation>Ctrl+Z: propose the last dismissed pair again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;first</source>
        <translation>Open &amp;first</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;second</source>
        <translation>Open &amp;second</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The list could not be loaded: %1</source>
        <translation>The list could not be loaded: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln pair(s) to look at.</source>
        <translation>
            <numerusform>%Ln pair to look at.</numerusform>
            <numerusform>%Ln pairs to look at.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The pair was not dismissed: %1</source>
        <translation>The pair was not dismissed: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not the same person: %1 (Ctrl+Z to undo).</source>
        <translation>Not the same person: %1 (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The pair was not restored: %1</source>
        <translation>The pair was not restored: %1</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/privacy_dialogs.py" line="+30"/>
        <source>Erase customer on request</source>
        <translation>Erase customer on request</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>To confirm, type the customer&apos;s name or member code:</source>
        <translation>To confirm, type the customer&apos;s name or member code:</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n line(s) of the real-name register (name and ID number as given at the sale) stay, as the law requires: they are kept, unlinked from the erased customer.</source>
        <translation>
            <numerusform>%n line of the real-name register (name and ID number as given at the sale) stays, as the law requires: it is kept, unlinked from the erased customer.</numerusform>
            <numerusform>%n lines of the real-name register (name and ID number as given at the sale) stay, as the law requires: they are kept, unlinked from the erased customer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The reference to the %n scanned card page(s) they were imported from is removed too, with any card image kept in the pharmacy file. The paper cards and the scan files themselves are outside PharmaDesk: destroy or delete them by hand.</source>
        <translation>
            <numerusform>The reference to the %n scanned card page they were imported from is removed too, with any card image kept in the pharmacy file. The paper card and the scan file itself are outside PharmaDesk: destroy or delete them by hand.</numerusform>
            <numerusform>The reference to the %n scanned card pages they were imported from is removed too, with any card images kept in the pharmacy file. The paper cards and the scan files themselves are outside PharmaDesk: destroy or delete them by hand.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Erase %1? Their name is replaced, and their member code, phone numbers, email, address, birth date, notes, health data and custom fields are removed, as is what was written about them in interactions and the points ledger. Purchases stay, anonymised, for the sales figures. This cannot be undone.</source>
        <translation>Erase %1? Their name is replaced, and their member code, phone numbers, email, address, birth date, notes, health data and custom fields are removed, as is what was written about them in interactions and the points ledger. Purchases stay, anonymised, for the sales figures. This cannot be undone.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;xport their data first…</source>
        <translation>E&amp;xport their data first…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Erase</source>
        <translation>&amp;Erase</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Type the customer&apos;s name or member code exactly as shown above.</source>
        <translation>Type the customer&apos;s name or member code exactly as shown above.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Erasing…</source>
        <translation>Erasing…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The customer was erased.</source>
        <translation>The customer was erased.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/export_dialog.py" line="+97"/>
        <location line="+191"/>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>The exported file holds personal data in plain text, outside the encrypted database: anyone who has the file can read it. Keep it safe and delete it when it is no longer needed. Every export is recorded in the audit log with its purpose.</source>
        <translation>The exported file holds personal data in plain text, outside the encrypted database: anyone who has the file can read it. Keep it safe and delete it when it is no longer needed. Every export is recorded in the audit log with its purpose.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What to export</source>
        <translation>What to export</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Customers</source>
        <translation>&amp;Customers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Purchases</source>
        <translation>&amp;Purchases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interactions</source>
        <translation>&amp;Interactions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Analytics</source>
        <translation>&amp;Analytics</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only the owner may export personal data.</source>
        <translation>Only the owner may export personal data.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only these dates:</source>
        <translation>Only these dates:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Without dates: purchases and interactions of all time, and the analytics of the last full month. With dates: the lines of those days, and the analytics of that period.</source>
        <translation>Without dates: purchases and interactions of all time, and the analytics of the last full month. With dates: the lines of those days, and the analytics of that period.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Which customers</source>
        <translation>Which customers</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All customers</source>
        <translation>All customers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segment (as of the analytics period):</source>
        <translation>Segment (as of the analytics period):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last visit on or after</source>
        <translation>Last visit on or after</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last visit on or before</source>
        <translation>Last visit on or before</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Any category</source>
        <translation>Any category</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bought from category:</source>
        <translation>Bought from category:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For contacting them: only customers who agreed to be contacted</source>
        <translation>For contacting them: only customers who agreed to be contacted</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. month-end accounts, call-back list</source>
        <translation>e.g. month-end accounts, call-back list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pu&amp;rpose (required):</source>
        <translation>Pu&amp;rpose (required):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel e&amp;xport</source>
        <translation>Cancel e&amp;xport</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>PharmaDesk export %1</source>
        <translation>PharmaDesk export %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the file…</source>
        <translation>Writing the file…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Written: %1</source>
        <translation>Written: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: %Ln row(s)</source>
        <translation>
            <numerusform>%1: %Ln row</numerusform>
            <numerusform>%1: %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln left out: no contact consent</source>
        <translation>
            <numerusform>%Ln left out: no contact consent</numerusform>
            <numerusform>%Ln left out: no contact consent</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The export was cancelled. No file was written.</source>
        <translation>The export was cancelled. No file was written.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>No file was written.</source>
        <translation>No file was written.</translation>
    </message>
</context>
<context>
    <name>ExportPurposeDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/export_purpose.py" line="+38"/>
        <source>The file holds personal data. Say what it is for: the purpose is kept in the audit log.</source>
        <translation>The file holds personal data. Say what it is for: the purpose is kept in the audit log.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. month-end accounts, call-back list</source>
        <translation>e.g. month-end accounts, call-back list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pu&amp;rpose (required):</source>
        <translation>Pu&amp;rpose (required):</translation>
    </message>
</context>
<context>
    <name>FieldsPanel</name>
    <message>
        <location filename="../../pharmadesk/ui/card_fields.py" line="+101"/>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health data: tick once you have compared it with the card</source>
        <translation>Health data: tick once you have compared it with the card</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../pharmadesk/ui/import_file_page.py" line="+38"/>
        <source>Choose the file</source>
        <translation>Choose the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A spreadsheet of paper cards: .xlsx, .xls, .ods or .csv.</source>
        <translation>A spreadsheet of paper cards: .xlsx, .xls, .ods or .csv.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>B&amp;rowse…</source>
        <translation>B&amp;rowse…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;heet:</source>
        <translation>S&amp;heet:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Spreadsheet:</source>
        <translation>&amp;Spreadsheet:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Open a card file</source>
        <translation>Open a card file</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the sheet…</source>
        <translation>Reading the sheet…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%Ln row(s) read.</source>
        <translation>
            <numerusform>%Ln row read.</numerusform>
            <numerusform>%Ln rows read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunRestore</name>
    <message>
        <location filename="../../pharmadesk/ui/first_run_restore.py" line="+43"/>
        <source>Choose the pharmacy&apos;s backup file</source>
        <translation>Choose the pharmacy&apos;s backup file</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The pharmacy is restored as %1. Give the user name and password of an owner account as they were when the backup was made; sign in with them afterwards.</source>
        <translation>The pharmacy is restored as %1. Give the user name and password of an owner account as they were when the backup was made; sign in with them afterwards.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is already a pharmacy file at %1. A backup is never restored over it: choose another place for the pharmacy file, or quit and start PharmaDesk again to open that pharmacy.</source>
        <translation>There is already a pharmacy file at %1. A backup is never restored over it: choose another place for the pharmacy file, or quit and start PharmaDesk again to open that pharmacy.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The pharmacy cannot be restored in %1: %2</source>
        <translation>The pharmacy cannot be restored in %1: %2</translation>
    </message>
</context>
<context>
    <name>FollowUpsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/follow_ups.py" line="+26"/>
        <source>Open follow-ups</source>
        <translation>Open follow-ups</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1, %2. Enter opens the customer.</source>
        <translation>%1, %2. Enter opens the customer.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln open</source>
        <translation>
            <numerusform>%Ln open</numerusform>
            <numerusform>%Ln open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GreetingDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/birthdays_tab.py" line="-191"/>
        <source>Birthday on %1, turns %2</source>
        <translation>Birthday on %1, turns %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Birthday greeting for %1</source>
        <translation>Birthday greeting for %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optional, e.g. a gift or a discount</source>
        <translation>Optional, e.g. a gift or a discount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday &amp;offer</source>
        <translation>Birthday &amp;offer</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/import_history.py" line="+23"/>
        <source>Import history</source>
        <translation>Import history</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo batch…</source>
        <translation>&amp;Undo batch…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Checking the batch…</source>
        <translation>Checking the batch…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Undoing batch %1…</source>
        <translation>Undoing batch %1…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undo batch %1 (%2)? The customers it created are removed, and the fields it filled in existing customers are emptied again.</source>
        <translation>Undo batch %1 (%2)? The customers it created are removed, and the fields it filled in existing customers are emptied again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening points it gave customers who stay are taken back by new entries in their points ledger; the ledger keeps both.</source>
        <translation>Opening points it gave customers who stay are taken back by new entries in their points ledger; the ledger keeps both.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln customer(s) who stay have already used points of this import: their balance goes below zero (%1 points in all).</source>
        <translation>
            <numerusform>%Ln customer who stays has already used points of this import: their balance goes below zero (%1 points in all).</numerusform>
            <numerusform>%Ln customers who stay have already used points of this import: their balances go below zero (%1 points in all).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo import</source>
        <translation>Undo import</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln customer(s) of this batch were changed after the import (edited, or given purchases or interactions).</source>
        <translation>
            <numerusform>%Ln customer of this batch was changed after the import (edited, or given purchases or interactions).</numerusform>
            <numerusform>%Ln customers of this batch were changed after the import (edited, or given purchases or interactions).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Keep edited</source>
        <translation>&amp;Keep edited</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove them too</source>
        <translation>&amp;Remove them too</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo batch</source>
        <translation>&amp;Undo batch</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Batch %1 undone.</source>
        <translation>Batch %1 undone.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln customer(s) removed.</source>
        <translation>
            <numerusform>%Ln customer removed.</numerusform>
            <numerusform>%Ln customers removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln edited customer(s) kept.</source>
        <translation>
            <numerusform>%Ln edited customer kept.</numerusform>
            <numerusform>%Ln edited customers kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln field(s) restored.</source>
        <translation>
            <numerusform>%Ln field restored.</numerusform>
            <numerusform>%Ln fields restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln scanned card page(s) no longer kept.</source>
        <translation>
            <numerusform>%Ln scanned card page no longer kept.</numerusform>
            <numerusform>%Ln scanned card pages no longer kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln opening points balance(s) of customers who stay reversed by new ledger entries.</source>
        <translation>
            <numerusform>%Ln opening points balance of a customer who stays reversed by a new ledger entry.</numerusform>
            <numerusform>%Ln opening points balances of customers who stay reversed by new ledger entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../pharmadesk/ui/import_text.py" line="+21"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <translation>Flagged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To be imported</source>
        <translation>To be imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be merged</source>
        <translation>To be merged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be flagged</source>
        <translation>To be flagged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be skipped</source>
        <translation>To be skipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be rejected</source>
        <translation>To be rejected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration date (to notes)</source>
        <translation>Registration date (to notes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points (opening balance)</source>
        <translation>Points (opening balance)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last purchase date</source>
        <translation>Last purchase date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of purchases (to notes)</source>
        <translation>Number of purchases (to notes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback rating (to notes)</source>
        <translation>Feedback rating (to notes)</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/import_wizard.py" line="+62"/>
        <source>Import customers</source>
        <translation>Import customers</translation>
    </message>
</context>
<context>
    <name>InactiveCustomersModel</name>
    <message>
        <location filename="../../pharmadesk/ui/retention_model.py" line="+67"/>
        <source>Member code</source>
        <translation>Member code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last activity</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/interaction_dialog.py" line="+38"/>
        <source>Log interaction: %1</source>
        <translation>Log interaction: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Follow up on</source>
        <translation>Follow up on</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of %2: %3 (due %4)</source>
        <translation>%1 of %2: %3 (due %4)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A summary is required</source>
        <translation>A summary is required</translation>
    </message>
</context>
<context>
    <name>InteractionTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/models.py" line="+152"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>open, due %1</source>
        <translation>open, due %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation>done</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <location filename="../../pharmadesk/ui/kpi_cards.py" line="+103"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (only partly on record): %2</source>
        <translation>%1 (only partly on record): %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no comparison</source>
        <translation>no comparison</translation>
    </message>
</context>
<context>
    <name>KpiCards</name>
    <message>
        <location line="-76"/>
        <source>Revenue</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sum of every purchase line in the period.</source>
        <translation>Sum of every purchase line in the period.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts in the period; where a line has no receipt number, one customer&apos;s lines on one day.</source>
        <translation>Receipts in the period; where a line has no receipt number, one customer&apos;s lines on one day.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers served</source>
        <translation>Customers served</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers with a transaction in the period.</source>
        <translation>Customers with a transaction in the period.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New customers</source>
        <translation>New customers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers whose first transaction ever falls in the period.</source>
        <translation>Customers whose first transaction ever falls in the period.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Average basket</source>
        <translation>Average basket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue divided by transactions.</source>
        <translation>Revenue divided by transactions.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repurchase rate</source>
        <translation>Repurchase rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the customers served who have transactions on at least two different days in a month; for a longer period, counted month by month. The change is in percentage points.</source>
        <translation>Share of the customers served who have transactions on at least two different days in a month; for a longer period, counted month by month. The change is in percentage points.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Average rating</source>
        <translation>Average rating</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average of the ratings (1-5) of the interactions logged in the period.</source>
        <translation>Average of the ratings (1-5) of the interactions logged in the period.</translation>
    </message>
</context>
<context>
    <name>LayoutEditorDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/card_layout_editor.py" line="+77"/>
        <source>Card layout</source>
        <translation>Card layout</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open a sample card…</source>
        <translation>&amp;Open a sample card…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save layout</source>
        <translation>&amp;Save layout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a sample card, choose a field, then drag a rectangle over its value.</source>
        <translation>Open a sample card, choose a field, then drag a rectangle over its value.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved layouts:</source>
        <translation>Saved layouts:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fields (drag over the value of the one chosen):</source>
        <translation>Fields (drag over the value of the one chosen):</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open a sample card</source>
        <translation>Open a sample card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the sample card…</source>
        <translation>Reading the sample card…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed labels found: %1.</source>
        <translation>Printed labels found: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No printed labels were found: the areas are kept as parts of the page.</source>
        <translation>No printed labels were found: the areas are kept as parts of the page.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 (drawn)</source>
        <translation>%1 (drawn)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(a new layout)</source>
        <translation>(a new layout)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Give the layout a name first.</source>
        <translation>Give the layout a name first.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draw the area of at least one field first.</source>
        <translation>Draw the area of at least one field first.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replace layout</source>
        <translation>Replace layout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A layout named “%1” is saved already. Replace it with this one?</source>
        <translation>A layout named “%1” is saved already. Replace it with this one?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Layout “%1” saved.</source>
        <translation>Layout “%1” saved.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete layout</source>
        <translation>Delete layout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the layout “%1”? Cards imported with it keep their values.</source>
        <translation>Delete the layout “%1”? Cards imported with it keep their values.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Layout “%1” deleted.</source>
        <translation>Layout “%1” deleted.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Close the layout editor</source>
        <translation>Close the layout editor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The areas drawn are not saved as a layout yet. Close and lose them?</source>
        <translation>The areas drawn are not saved as a layout yet. Close and lose them?</translation>
    </message>
</context>
<context>
    <name>LeftDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/stale_review.py" line="+118"/>
        <source>Moved away</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deceased</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark %1 as moved away?</source>
        <translation>Mark %1 as moved away?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark %1 as deceased?</source>
        <translation>Mark %1 as deceased?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They will no longer be contacted or reminded. This can be undone.</source>
        <translation>They will no longer be contacted or reminded. This can be undone.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Since:</source>
        <translation>&amp;Since:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Date of death:</source>
        <translation>&amp;Date of death:</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../pharmadesk/ui/lock_screen.py" line="+43"/>
        <source>PharmaDesk is locked</source>
        <translation>PharmaDesk is locked</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pharmacy: %1</source>
        <translation>Pharmacy: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Finishing a task in the background (an import or export)…</source>
        <translation>Finishing a task in the background (an import or export)…</translation>
    </message>
</context>
<context>
    <name>LoyaltyRulesDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/loyalty_rules_dialog.py" line="+58"/>
        <source>The first tier must start at ¥0.</source>
        <translation>The first tier must start at ¥0.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each tier must start above the one before.</source>
        <translation>Each tier must start above the one before.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two tiers have the same name.</source>
        <translation>Two tiers have the same name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A tier&apos;s discount must be 0 to %1 %.</source>
        <translation>A tier&apos;s discount must be 0 to %1 %.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every tier needs a name.</source>
        <translation>Every tier needs a name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A point needs a spend of ¥0.01 to ¥1,000.</source>
        <translation>A point needs a spend of ¥0.01 to ¥1,000.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Points can be kept 0 to %1 years.</source>
        <translation>Points can be kept 0 to %1 years.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>¥1 off must cost 1 to 100,000 points.</source>
        <translation>¥1 off must cost 1 to 100,000 points.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The tiers cannot be saved like this.</source>
        <translation>The tiers cannot be saved like this.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules cannot be changed for days that have passed.</source>
        <translation>Rules cannot be changed for days that have passed.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Points never expire</source>
        <translation>Points never expire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usable until 31 December of the year earned</source>
        <translation>Usable until 31 December of the year earned</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usable until 31 December of the year after</source>
        <translation>Usable until 31 December of the year after</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usable until 31 December, %1 years after the year earned</source>
        <translation>Usable until 31 December, %1 years after the year earned</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(%1 % off)</source>
        <translation>(%1 % off)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no points for %1</source>
        <translation>no points for %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 point per ¥%1</source>
        <translation>1 point per ¥%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 points take ¥1 off</source>
        <translation>%1 points take ¥1 off</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Loyalty rules saved; they apply from %1</source>
        <translation>Loyalty rules saved; they apply from %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Loyalty rules</source>
        <translation>Loyalty rules</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A change applies from its day on: points already earned, redeemed or expired are never changed.</source>
        <translation>A change applies from its day on: points already earned, redeemed or expired are never changed.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Spend for 1 point</source>
        <translation>&amp;Spend for 1 point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories that earn &amp;no points</source>
        <translation>Categories that earn &amp;no points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Expiry</source>
        <translation>&amp;Expiry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member &amp;tiers</source>
        <translation>Member &amp;tiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Points for ¥1 off</source>
        <translation>&amp;Points for ¥1 off</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Applies from</source>
        <translation>&amp;Applies from</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From ¥ (12-month spend)</source>
        <translation>From ¥ (12-month spend)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discount %</source>
        <translation>Discount %</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A&amp;dd tier</source>
        <translation>A&amp;dd tier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove tier</source>
        <translation>&amp;Remove tier</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>In force: the default rules.</source>
        <translation>In force: the default rules.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In force since %1:</source>
        <translation>In force since %1:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved to apply from %1:</source>
        <translation>Saved to apply from %1:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No product categories yet</source>
        <translation>No product categories yet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The first tier starts at ¥0</source>
        <translation>The first tier starts at ¥0</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Row %1</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: every tier needs a name.</source>
        <translation>%1: every tier needs a name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the spend must be an amount in yuan, like 1000.</source>
        <translation>%1: the spend must be an amount in yuan, like 1000.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the discount must be a whole percentage, like 5.</source>
        <translation>%1: the discount must be a whole percentage, like 5.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>From %1 on: %2</source>
        <translation>From %1 on: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instead of: %1</source>
        <translation>Instead of: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save these rules?</source>
        <translation>Save these rules?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the loyalty rules</source>
        <translation>Save the loyalty rules</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/main_menus.py" line="+105"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add purchase…</source>
        <translation>Add purchase…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log interaction…</source>
        <translation>Log interaction…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All purchases</source>
        <translation>All purchases</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Custom fields…</source>
        <translation>Custom fields…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accounts…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change my password…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit log…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Only the owner can change custom fields</source>
        <translation>Only the owner can change custom fields</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loyalty rules…</source>
        <translation>Loyalty rules…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../pharmadesk/ui/window_openers.py" line="+316"/>
        <source>Import scanned cards…</source>
        <translation>Import scanned cards…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import history…</source>
        <translation>Import history…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up now…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from backup…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export this customer&apos;s data…</source>
        <translation>Export this customer&apos;s data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erase on request…</source>
        <translation>Erase on request…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retention review…</source>
        <translation>Retention review…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Real-name register…</source>
        <translation>Real-name register…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Controlled medicines…</source>
        <translation>Controlled medicines…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message templates…</source>
        <translation>Message templates…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate customers…</source>
        <translation>Duplicate customers…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review stale records…</source>
        <translation>Review stale records…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data quality…</source>
        <translation>Data quality…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge history…</source>
        <translation>Merge history…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Customer</source>
        <translation>&amp;Customer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Only the owner and pharmacists see the dashboard</source>
        <translation>Only the owner and pharmacists see the dashboard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the owner and pharmacists can export</source>
        <translation>Only the owner and pharmacists can export</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the owner sets the loyalty rules</source>
        <translation>Only the owner sets the loyalty rules</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner manages accounts</source>
        <translation>Only the owner manages accounts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner can see the audit log</source>
        <translation>Only the owner can see the audit log</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account may not make backups</source>
        <translation>This account may not make backups</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner can restore a backup</source>
        <translation>Only the owner can restore a backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner can export a customer&apos;s data</source>
        <translation>Only the owner can export a customer&apos;s data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner can erase a customer</source>
        <translation>Only the owner can erase a customer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner reviews how long data is kept</source>
        <translation>Only the owner reviews how long data is kept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner and pharmacists merge customers</source>
        <translation>Only the owner and pharmacists merge customers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner and pharmacists see the data quality</source>
        <translation>Only the owner and pharmacists see the data quality</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/window_openers.py" line="-85"/>
        <source>Cannot merge</source>
        <translation>Cannot merge</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Merged; Customer &gt; Merge history… undoes it</source>
        <translation>Merged; Customer &gt; Merge history… undoes it</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/main_window.py" line="+295"/>
        <source>%1 · %2 · %3 · signed in as %4</source>
        <translation>%1 · %2 · %3 · signed in as %4</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln open follow-up(s)</source>
        <translation>
            <numerusform>%Ln open follow-up</numerusform>
            <numerusform>%Ln open follow-ups</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer has unsaved changes. Save them?</source>
        <translation>The customer has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Please correct the marked fields first</source>
        <translation>Please correct the marked fields first</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+51"/>
        <location line="+12"/>
        <location filename="../../pharmadesk/ui/window_openers.py" line="-24"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Possible duplicate</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This customer may already be on file (same mobile, or same name and birth date):</source>
        <translation>This customer may already be on file (same mobile, or same name and birth date):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open existing</source>
        <translation>Open existing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save anyway</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <location line="+241"/>
        <source>The form was not saved before the lock; it is back as it was. Check it and save (Ctrl+S).</source>
        <translation>The form was not saved before the lock; it is back as it was. Check it and save (Ctrl+S).</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/window_openers.py" line="-28"/>
        <source>A purchase being entered was not saved.</source>
        <translation>A purchase being entered was not saved.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>An interaction being entered was not saved.</source>
        <translation>An interaction being entered was not saved.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Interaction saved</source>
        <translation>Interaction saved</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>The window locked during the check of scanned cards: the cards accepted there (%1) were not imported. Open File &gt; Import scanned cards… again.</source>
        <translation>The window locked during the check of scanned cards: the cards accepted there (%1) were not imported. Open File &gt; Import scanned cards… again.</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/main_window.py" line="-214"/>
        <source>Details confirmed</source>
        <translation>Details confirmed</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Moved or deceased mark undone</source>
        <translation>Moved or deceased mark undone</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/window_openers.py" line="-13"/>
        <source>An import finished while the window was locked.</source>
        <translation>An import finished while the window was locked.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An import was cancelled; nothing was written.</source>
        <translation>An import was cancelled; nothing was written.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An import failed while the window was locked; nothing was written.</source>
        <translation>An import failed while the window was locked; nothing was written.</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>The customer was erased.</source>
        <translation>The customer was erased.</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/main_window.py" line="+47"/>
        <source>Locked.</source>
        <translation>Locked.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Locked after the idle time.</source>
        <translation>Locked after the idle time.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Locked with the computer&apos;s session.</source>
        <translation>Locked with the computer&apos;s session.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1&apos;s new customer was not saved.</source>
        <translation>%1&apos;s new customer was not saved.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&apos;s unsaved changes to %2 were discarded.</source>
        <translation>%1&apos;s unsaved changes to %2 were discarded.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>While the window was locked</source>
        <translation>While the window was locked</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/merge_dialog.py" line="+50"/>
        <source>%1 (year only)</source>
        <translation>%1 (year only)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Staff cannot merge customers: a pharmacist or the owner can.</source>
        <translation>Staff cannot merge customers: a pharmacist or the owner can.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+221"/>
        <location line="+10"/>
        <source>Merge customers</source>
        <translation>Merge customers</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Choose the record that stays and, for each field, the value it keeps. Purchases, interactions, points and consents all move to it.</source>
        <translation>Choose the record that stays and, for each field, the value it keeps. Purchases, interactions, points and consents all move to it.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keep record</source>
        <translation>Keep record</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Registered %1</source>
        <translation>Registered %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last confirmed %1</source>
        <translation>Last confirmed %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+67"/>
        <source>%Ln purchase line(s)</source>
        <translation>
            <numerusform>%Ln purchase line</numerusform>
            <numerusform>%Ln purchase lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-66"/>
        <location line="+68"/>
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln point</numerusform>
            <numerusform>%Ln points</numerusform>
        </translation>
    </message>
    <message>
        <location line="-49"/>
        <source>All: %1</source>
        <translation>All: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(the newest record of each purpose counts)</source>
        <translation>(the newest record of each purpose counts)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Moving to the record kept: %1, %2, %3 and %4.</source>
        <translation>Moving to the record kept: %1, %2, %3 and %4.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln consent record(s)</source>
        <translation>
            <numerusform>%Ln consent record</numerusform>
            <numerusform>%Ln consent records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln real-name register line(s) stay with the record they were written on.</source>
        <translation>
            <numerusform>%Ln real-name register line stay with the record they were written on.</numerusform>
            <numerusform>%Ln real-name register lines stay with the record they were written on.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The member code changes from %1 to %2: %1 will no longer find this customer.</source>
        <translation>The member code changes from %1 to %2: %1 will no longer find this customer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The record kept takes the member code %1.</source>
        <translation>The record kept takes the member code %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Merge %Ln other record(s) into %1 (#%2)?</source>
        <translation>
            <numerusform>Merge %Ln other record into %1 (#%2)?</numerusform>
            <numerusform>Merge %Ln other records into %1 (#%2)?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The other records are hidden, not deleted: the merge can be undone from this customer&apos;s merge history.</source>
        <translation>The other records are hidden, not deleted: the merge can be undone from this customer&apos;s merge history.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
</context>
<context>
    <name>MergeHistoryDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/merge_history.py" line="+42"/>
        <source>Merge history</source>
        <translation>Merge history</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merged on</source>
        <translation>Merged on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged by</source>
        <translation>Merged by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records merged in</source>
        <translation>Records merged in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Unmerge…</source>
        <translation>&amp;Unmerge…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No customer has been merged into this one.</source>
        <translation>No customer has been merged into this one.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location line="+60"/>
        <source>%Ln purchase line(s)</source>
        <translation>
            <numerusform>%Ln purchase line</numerusform>
            <numerusform>%Ln purchase lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-59"/>
        <location line="+61"/>
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-60"/>
        <location line="+62"/>
        <source>%Ln points entry(-ies)</source>
        <translation>
            <numerusform>%Ln points entry(-ies)</numerusform>
            <numerusform>%Ln points entry(-ies)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-61"/>
        <location line="+63"/>
        <source>%Ln consent record(s)</source>
        <translation>
            <numerusform>%Ln consent record</numerusform>
            <numerusform>%Ln consent records</numerusform>
        </translation>
    </message>
    <message>
        <location line="-58"/>
        <source>In force</source>
        <translation>In force</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undone %1 %2</source>
        <translation>Undone %1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Undo this merge? The %n record(s) merged in (%1) come(s) back as separate customers, as they were before the merge, and what moved from them moves back. Purchases and other entries added to this customer since the merge stay here.</source>
        <translation>
            <numerusform>Undo this merge? The record merged in (%1) comes back as a separate customer, as it was before the merge, and what moved from it moves back. Purchases and other entries added to this customer since the merge stay here.</numerusform>
            <numerusform>Undo this merge? The %n records merged in (%1) come back as separate customers, as they were before the merge, and what moved from them moves back. Purchases and other entries added to this customer since the merge stay here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%Ln scanned card page(s)</source>
        <translation>
            <numerusform>%Ln scanned card page</numerusform>
            <numerusform>%Ln scanned card pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>this customer would be %n point(s) short</source>
        <translation>
            <numerusform>this customer would be %n point short</numerusform>
            <numerusform>this customer would be %n points short</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>customer #%1 would be %n point(s) short</source>
        <translation>
            <numerusform>customer #%1 would be %n point short</numerusform>
            <numerusform>customer #%1 would be %n points short</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The merge was not undone: points have been spent since the merge, and with the points entries moved back %1. Correct the points first (a points adjustment), then undo the merge.</source>
        <translation>The merge was not undone: points have been spent since the merge, and with the points entries moved back %1. Correct the points first (a points adjustment), then undo the merge.</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+2"/>
        <source>Unmerge</source>
        <translation>Unmerge</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Merge undone: %Ln record(s) restored.</source>
        <translation>
            <numerusform>Merge undone: %Ln record restored.</numerusform>
            <numerusform>Merge undone: %Ln records restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln reminder state(s)</source>
        <translation>
            <numerusform>%Ln reminder state</numerusform>
            <numerusform>%Ln reminder states</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added since the merge, staying with this customer: %1.</source>
        <translation>Added since the merge, staying with this customer: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed since the merge, kept as they are now: %1.</source>
        <translation>Changed since the merge, kept as they are now: %1.</translation>
    </message>
</context>
<context>
    <name>NewFieldDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/custom_fields_dialog.py" line="-134"/>
        <source>New custom field</source>
        <translation>New custom field</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>For a choice: options separated by commas</source>
        <translation>For a choice: options separated by commas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choices</source>
        <translation>Choices</translation>
    </message>
</context>
<context>
    <name>OnFileBanner</name>
    <message>
        <location filename="../../pharmadesk/ui/card_on_file.py" line="+62"/>
        <source>Customers on file could not be compared: %1</source>
        <translation>Customers on file could not be compared: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Possibly already on file: %1. The preview lets you merge or keep apart.</source>
        <translation>Possibly already on file: %1. The preview lets you merge or keep apart.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PageImageView</name>
    <message>
        <location filename="../../pharmadesk/ui/card_page_dialog.py" line="+9"/>
        <source>&amp;Fit</source>
        <translation>&amp;Fit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;100%</source>
        <translation>&amp;100%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole card in the window</source>
        <translation>The whole card in the window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One pixel of the scan to one pixel of the screen</source>
        <translation>One pixel of the scan to one pixel of the screen</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../pharmadesk/ui/period_picker.py" line="+37"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1-%2</source>
        <comment>year-month</comment>
        <translation>%1-%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 Q%2</source>
        <comment>year and quarter</comment>
        <translation>%1 Q%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Year %1</source>
        <translation>Year %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous period (Alt+Left)</source>
        <translation>Previous period (Alt+Left)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next period (Alt+Right)</source>
        <translation>Next period (Alt+Right)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 (to date)</source>
        <translation>%1 (to date)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>compared with %1</source>
        <translation>compared with %1</translation>
    </message>
</context>
<context>
    <name>PharmaDesk</name>
    <message>
        <location filename="../../pharmadesk/app.py" line="+161"/>
        <source>%1 is open in another PharmaDesk. Close it first.</source>
        <translation>%1 is open in another PharmaDesk. Close it first.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>window</source>
        <translation>window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is in use by PharmaDesk (%2, account %3, process %4, since %5). Close it first.</source>
        <translation>%1 is in use by PharmaDesk (%2, account %3, process %4, since %5). Close it first.</translation>
    </message>
</context>
<context>
    <name>PointsExpiry</name>
    <message numerus="yes">
        <location filename="../../pharmadesk/ui/points_expiry.py" line="+118"/>
        <source>%n customers&apos; points expired</source>
        <translation>
            <numerusform>%n customer&apos;s points expired</numerusform>
            <numerusform>%n customers&apos; points expired</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expired points could not be written off: %1</source>
        <translation>Expired points could not be written off: %1</translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <location filename="../../pharmadesk/ui/points_model.py" line="+33"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+72"/>
        <source>Opening balance</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Earned</source>
        <translation>Earned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeemed</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reversal</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>receipt %1 of %2</source>
        <translation>receipt %1 of %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>purchase of %1</source>
        <translation>purchase of %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Earned on %1</source>
        <translation>Earned on %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redeemed on %1</source>
        <translation>Redeemed on %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 off</source>
        <translation>%1 off</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opening balance from import batch %1</source>
        <translation>Opening balance from import batch %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import batch %1 undone: its opening balance reversed</source>
        <translation>Import batch %1 undone: its opening balance reversed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reverses an earlier entry</source>
        <translation>Reverses an earlier entry</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expired: points usable until %1</source>
        <translation>Expired: points usable until %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expired: points earned in %1, usable until %2</source>
        <translation>Expired: points earned in %1, usable until %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires on</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
</context>
<context>
    <name>PointsPanel</name>
    <message>
        <location filename="../../pharmadesk/ui/points_panel.py" line="-100"/>
        <source>%1 · %2 % member discount</source>
        <translation>%1 · %2 % member discount</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 points expire on %2</source>
        <translation>%1 points expire on %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Points %1 · %2</source>
        <translation>Points %1 · %2</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12-month spend</source>
        <translation>12-month spend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring within 30 days</source>
        <translation>Expiring within 30 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct points…</source>
        <translation>Correct points…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · the highest tier</source>
        <translation>%1 · the highest tier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 more for %3</source>
        <translation>%1 · %2 more for %3</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../pharmadesk/ui/import_preview_page.py" line="+46"/>
        <source>Check before importing</source>
        <translation>Check before importing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been written yet.</source>
        <translation>Nothing has been written yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import it a&amp;gain</source>
        <translation>Import it a&amp;gain</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merge this r&amp;ow</source>
        <translation>Merge this r&amp;ow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As a new &amp;customer</source>
        <translation>As a new &amp;customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip &amp;this row</source>
        <translation>Skip &amp;this row</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>When a row is a customer already on file</source>
        <translation>When a row is a customer already on file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Merge: fill the customer&apos;s empty fields, never overwrite</source>
        <translation>&amp;Merge: fill the customer&apos;s empty fields, never overwrite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep the existing customer and skip the row</source>
        <translation>&amp;Keep the existing customer and skip the row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new customer &amp;anyway</source>
        <translation>Create a new customer &amp;anyway</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>What the import will do (nothing is written yet)</source>
        <translation>What the import will do (nothing is written yet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported, but the same or a similar name is on file or earlier in the file: check them, and merge by hand where it is the same person</source>
        <translation>Imported, but the same or a similar name is on file or earlier in the file: check them, and merge by hand where it is the same person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names to check:</source>
        <translation>Names to check:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every row not simply imported</source>
        <translation>Every row not simply imported</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names to check</source>
        <translation>Names to check</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Selected row:</source>
        <translation>Selected row:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>On file</source>
        <translation>On file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row %1</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This row</source>
        <translation>This row</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Row %1 · %2</source>
        <translation>Row %1 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row %1 · %2: %3</source>
        <translation>Row %1 · %2: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter does not import: press Import (Alt+I) to write these rows.</source>
        <translation>Enter does not import: press Import (Alt+I) to write these rows.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%Ln data row(s) checked.</source>
        <translation>
            <numerusform>%Ln data row checked.</numerusform>
            <numerusform>%Ln data rows checked.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This file was imported before (batch %1). Import it again only on purpose.</source>
        <translation>This file was imported before (batch %1). Import it again only on purpose.</translation>
    </message>
</context>
<context>
    <name>PrivacyDialogs</name>
    <message>
        <location filename="../../pharmadesk/ui/privacy_dialogs.py" line="-338"/>
        <source>Another part of PharmaDesk was reading the pharmacy file at that moment, so the erased data is still in the file&apos;s encrypted journal. It is cleared there at the next checkpoint, at the latest when PharmaDesk closes.</source>
        <translation>Another part of PharmaDesk was reading the pharmacy file at that moment, so the erased data is still in the file&apos;s encrypted journal. It is cleared there at the next checkpoint, at the latest when PharmaDesk closes.</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Backups made before now still hold the old data until they rotate out (7 daily, 4 weekly and 12 monthly backups are kept), as do the copies kept aside before an upgrade or a restore until they are deleted. A backup restored later brings the customer back: erase them again then.</source>
        <translation>Backups made before now still hold the old data until they rotate out (7 daily, 4 weekly and 12 monthly backups are kept), as do the copies kept aside before an upgrade or a restore until they are deleted. A backup restored later brings the customer back: erase them again then.</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/purchase_dialog.py" line="+141"/>
        <source>Add purchase: %1</source>
        <translation>Add purchase: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Allergies: %1</source>
        <translation>Allergies: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chronic conditions: %1</source>
        <translation>Chronic conditions: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+128"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Receipt number (optional)</source>
        <translation>Receipt number (optional)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total to pay</source>
        <translation>Total to pay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Points earned</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Product name, pinyin initials or barcode</source>
        <translation>Product name, pinyin initials or barcode</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unit price ¥</source>
        <translation>Unit price ¥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add line</source>
        <translation>Add line</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>List total</source>
        <translation>List total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redeem points</source>
        <translation>&amp;Redeem points</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Member discount %1 %</source>
        <translation>Member discount %1 %</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Purchase saved</source>
        <translation>Purchase saved</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>+%n point(s)</source>
        <translation>
            <numerusform>+%n point</numerusform>
            <numerusform>+%n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n point(s) redeemed</source>
        <translation>
            <numerusform>%n point redeemed</numerusform>
            <numerusform>%n points redeemed</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No product matches %1. Enter again to add it as a new product.</source>
        <translation>No product matches %1. Enter again to add it as a new product.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New product: %1</source>
        <translation>New product: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%Ln products match: choose one (↑↓, Enter)</source>
        <translation>
            <numerusform>%Ln product matches: choose it (↑↓, Enter)</numerusform>
            <numerusform>%Ln products match: choose one (↑↓, Enter)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-16"/>
        <source>%Ln product(s) match: ↓ to choose, or go on typing</source>
        <translation>
            <numerusform>%Ln product matches: ↓ to choose, or go on typing</numerusform>
            <numerusform>%Ln products match: ↓ to choose, or go on typing</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Enter the unit price</source>
        <translation>Enter the unit price</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Possible allergy</source>
        <translation>Possible allergy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 may touch the customer&apos;s recorded allergy: %2.

Add it anyway?</source>
        <translation>%1 may touch the customer&apos;s recorded allergy: %2.

Add it anyway?</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>At most %1 points can be redeemed on this receipt.</source>
        <translation>At most %1 points can be redeemed on this receipt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>= %1 off · balance %2 · at most %3</source>
        <translation>= %1 off · balance %2 · at most %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add at least one line</source>
        <translation>Add at least one line</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>PurchaseFilterBar</name>
    <message>
        <location filename="../../pharmadesk/ui/purchase_filter.py" line="+26"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not a date</source>
        <translation>Not a date</translation>
    </message>
</context>
<context>
    <name>PurchaseTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/models.py" line="-160"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running total</source>
        <translation>Running total</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
</context>
<context>
    <name>QualityMembersModel</name>
    <message>
        <location filename="../../pharmadesk/ui/quality_panel.py" line="+157"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data consent</source>
        <translation>Data consent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last confirmed</source>
        <translation>Last confirmed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
</context>
<context>
    <name>QualityPairsModel</name>
    <message>
        <location line="+13"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other customer</source>
        <translation>Other customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certain</source>
        <translation>Certain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strong</source>
        <translation>Strong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible</source>
        <translation>Possible</translation>
    </message>
</context>
<context>
    <name>QualityPanel</name>
    <message>
        <location line="-143"/>
        <source>Without a mobile</source>
        <translation>Without a mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth year only</source>
        <translation>Birth year only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent not confirmed</source>
        <translation>Consent not confirmed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details not confirmed</source>
        <translation>Details not confirmed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspected duplicates</source>
        <translation>Suspected duplicates</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers with no mobile number.</source>
        <translation>Customers with no mobile number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers whose birth year was worked out from an age.</source>
        <translation>Customers whose birth year was worked out from an age.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers with no data consent on record, or a paper card&apos;s not yet confirmed.</source>
        <translation>Customers with no data consent on record, or a paper card&apos;s not yet confirmed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customers whose details were not confirmed for longer than the stale-record setting.</source>
        <translation>Customers whose details were not confirmed for longer than the stale-record setting.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pairs of records the duplicate finder thinks may be one person (pairs marked as not the same person are left out).</source>
        <translation>Pairs of records the duplicate finder thinks may be one person (pairs marked as not the same person are left out).</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Data quality</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Not confirmed for over %Ln month(s)</source>
        <translation>
            <numerusform>Not confirmed for over %Ln month</numerusform>
            <numerusform>Not confirmed for over %Ln months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%Ln customer(s) looked at.</source>
        <translation>
            <numerusform>%Ln customer looked at.</numerusform>
            <numerusform>%Ln customers looked at.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking for duplicates…</source>
        <translation>Looking for duplicates…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The figures could not be loaded: %1</source>
        <translation>The figures could not be loaded: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: still looking…</source>
        <translation>%1: still looking…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: loading…</source>
        <translation>%1: loading…</translation>
    </message>
</context>
<context>
    <name>ReadingProgress</name>
    <message numerus="yes">
        <location filename="../../pharmadesk/ui/card_list.py" line="+33"/>
        <source>Reading stopped: %1 of %Ln card(s) read.</source>
        <translation>
            <numerusform>Reading stopped: %1 of %Ln card read.</numerusform>
            <numerusform>Reading stopped: %1 of %Ln cards read.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading card %1 of %2</source>
        <translation>Reading card %1 of %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>All %Ln card(s) read.</source>
        <translation>
            <numerusform>The card has been read.</numerusform>
            <numerusform>All %Ln cards read.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the &amp;rest</source>
        <translation>Read the &amp;rest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop reading</source>
        <translation>&amp;Stop reading</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="+15"/>
        <source>Recovery code</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New recovery code</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write down or print this recovery code and keep it somewhere safe, away from this PC. It is shown only now, and it is the only way back in if every owner password is lost.</source>
        <translation>Write down or print this recovery code and keep it somewhere safe, away from this PC. It is shown only now, and it is the only way back in if every owner password is lost.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The old recovery code no longer works.</source>
        <translation>The old recovery code no longer works.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PharmaDesk recovery code</source>
        <translation>PharmaDesk recovery code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this page somewhere safe, away from the PC. With this code a new owner password can be set (pharmadesk users recover). A newer code replaces it.</source>
        <translation>Keep this page somewhere safe, away from the PC. With this code a new owner password can be set (pharmadesk users recover). A newer code replaces it.</translation>
    </message>
</context>
<context>
    <name>RefillTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/refills_tab.py" line="+85"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last call</source>
        <translation>Last call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RefillsTab</name>
    <message>
        <location line="+78"/>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due within the &amp;next</source>
        <translation>Due within the &amp;next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Call…</source>
        <translation>&amp;Call…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Snooze…</source>
        <translation>&amp;Snooze…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Do not remind</source>
        <translation>&amp;Do not remind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open customer</source>
        <translation>&amp;Open customer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The reminders could not be loaded: %1</source>
        <translation>The reminders could not be loaded: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%Ln reminder(s) listed</source>
        <translation>
            <numerusform>%Ln reminder listed</numerusform>
            <numerusform>%Ln reminders listed</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Refill reminder about %1: %2</source>
        <translation>Refill reminder about %1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Snooze</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show this reminder again in how many days?</source>
        <translation>Show this reminder again in how many days?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Do not remind</source>
        <translation>Do not remind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never remind %1 of %2 again?</source>
        <translation>Never remind %1 of %2 again?</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
</context>
<context>
    <name>RegisterGroup</name>
    <message>
        <location filename="../../pharmadesk/ui/register_group.py" line="+55"/>
        <source>Real-name register</source>
        <translation>Real-name register</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Controlled medicine: the law requires the buyer&apos;s name and ID number.</source>
        <translation>Controlled medicine: the law requires the buyer&apos;s name and ID number.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>18 characters, as on the ID card</source>
        <translation>18 characters, as on the ID card</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Buyer&apos;s &amp;name</source>
        <translation>Buyer&apos;s &amp;name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ID number</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why this sale needs more packs</source>
        <translation>Why this sale needs more packs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Override &amp;reason</source>
        <translation>Override &amp;reason</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Batch of %1 × %2</source>
        <translation>Batch of %1 × %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: more than %2 packs per sale. Give the reason to go over the limit.</source>
        <translation>%1: more than %2 packs per sale. Give the reason to go over the limit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: more than %2 packs per sale needs a pharmacist&apos;s approval.</source>
        <translation>%1: more than %2 packs per sale needs a pharmacist&apos;s approval.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of 18 characters</source>
        <translation>%1 of 18 characters</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Valid ID number (born %1)</source>
        <translation>Valid ID number (born %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the buyer&apos;s ID number.</source>
        <translation>Enter the buyer&apos;s ID number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An ID number has 18 characters; this one has %1.</source>
        <translation>An ID number has 18 characters; this one has %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An ID number is 17 digits, then a digit or X.</source>
        <translation>An ID number is 17 digits, then a digit or X.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters 7 to 14 are not a possible birth date.</source>
        <translation>Characters 7 to 14 are not a possible birth date.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birth date in the ID number is before 1900.</source>
        <translation>The birth date in the ID number is before 1900.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birth date in the ID number is in the future.</source>
        <translation>The birth date in the ID number is in the future.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The number does not add up: compare it with the ID card digit by digit.</source>
        <translation>The number does not add up: compare it with the ID card digit by digit.</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+29"/>
        <source>Enter the buyer&apos;s name as on the ID card.</source>
        <translation>Enter the buyer&apos;s name as on the ID card.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Enter the batch number of %1.</source>
        <translation>Enter the batch number of %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>A pharmacist must approve going over the limit.</source>
        <translation>A pharmacist must approve going over the limit.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Give the reason for going over the limit.</source>
        <translation>Give the reason for going over the limit.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The buyer&apos;s ID number is missing or not valid.</source>
        <translation>The buyer&apos;s ID number is missing or not valid.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each controlled line needs its batch number.</source>
        <translation>Each controlled line needs its batch number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>More than %1 packs per sale needs a pharmacist&apos;s reason.</source>
        <translation>More than %1 packs per sale needs a pharmacist&apos;s reason.</translation>
    </message>
</context>
<context>
    <name>RegisterWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/register_window.py" line="+53"/>
        <source>Real-name register</source>
        <translation>Real-name register</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ID numbers are shown masked: only the owner sees them in full.</source>
        <translation>ID numbers are shown masked: only the owner sees them in full.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packs</source>
        <translation>Packs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override reason</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The first day comes after the last day.</source>
        <translation>The first day comes after the last day.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Lines in the register: %1</source>
        <translation>Lines in the register: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept under a legal obligation (customer erased)</source>
        <translation>Kept under a legal obligation (customer erased)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Real-name register %1 to %2</source>
        <translation>Real-name register %1 to %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Export the register</source>
        <translation>Export the register</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Register lines exported: %1, to %2.</source>
        <translation>Register lines exported: %1, to %2.</translation>
    </message>
</context>
<context>
    <name>RemindersWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/reminders_window.py" line="+38"/>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Refills due</source>
        <translation>&amp;Refills due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birthdays</source>
        <translation>&amp;Birthdays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Win-back</source>
        <translation>&amp;Win-back</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/backup_dialogs.py" line="-268"/>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose another file…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The current data is replaced by the backup&apos;s. It is not deleted: it is kept aside, next to the pharmacy file. Everyone signs in again afterwards.</source>
        <translation>The current data is replaced by the backup&apos;s. It is not deleted: it is kept aside, next to the pharmacy file. Everyone signs in again afterwards.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>an owner&apos;s password in the backup</source>
        <translation>an owner&apos;s password in the backup</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Backups in %1:</source>
        <translation>Backups in %1:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No backups found there. Choose a backup file.</source>
        <translation>No backups found there. Choose a backup file.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a backup file</source>
        <translation>Choose a backup file</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/retention_dialog.py" line="+89"/>
        <location line="+194"/>
        <source>Retention review</source>
        <translation>Retention review</translation>
    </message>
    <message>
        <location line="-166"/>
        <source> years</source>
        <translation> years</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only changes this list. The pharmacy&apos;s setting is in Settings.</source>
        <translation>Only changes this list. The pharmacy&apos;s setting is in Settings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers with no activity for more than:</source>
        <translation>Customers with no activity for more than:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Select &amp;all</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;none</source>
        <translation>Select &amp;none</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Anonymise selected…</source>
        <translation>&amp;Anonymise selected…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading the customers…</source>
        <translation>Reading the customers…</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%Ln customer(s) inactive since before %1.</source>
        <translation>
            <numerusform>%Ln customer inactive since before %1.</numerusform>
            <numerusform>%Ln customers inactive since before %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking the chosen customers again…</source>
        <translation>Checking the chosen customers again…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None of them is inactive any more.</source>
        <translation>None of them is inactive any more.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Anonymise %Ln customer(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Anonymise %Ln customer? This cannot be undone.</numerusform>
            <numerusform>Anonymise %Ln customers? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> and %Ln more</source>
        <translation>
            <numerusform> and %Ln more</numerusform>
            <numerusform> and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln chosen customer(s) came back since the list was made and will be left alone.</source>
        <translation>
            <numerusform>%Ln chosen customer came back since the list was made and will be left alone.</numerusform>
            <numerusform>%Ln chosen customers came back since the list was made and will be left alone.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anonymise</source>
        <translation>Anonymise</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Anonymising…</source>
        <translation>Anonymising…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopping after the current customer…</source>
        <translation>Stopping after the current customer…</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%Ln customer(s) anonymised.</source>
        <translation>
            <numerusform>%Ln customer anonymised.</numerusform>
            <numerusform>%Ln customers anonymised.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="-109"/>
        <source>Change the role of %1</source>
        <translation>Change the role of %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Role</source>
        <translation>&amp;Role</translation>
    </message>
</context>
<context>
    <name>RowPlanTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/import_preview_model.py" line="+31"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row content</source>
        <translation>Row content</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../pharmadesk/ui/search_panel.py" line="+46"/>
        <source>Mobile, last 4 digits, name, pinyin or member code</source>
        <translation>Mobile, last 4 digits, name, pinyin or member code</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Search failed: %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>%n customer found</numerusform>
            <numerusform>%n customers found</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customer found</source>
        <translation>No customer found</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="+6"/>
        <source>New password for %1</source>
        <translation>New password for %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New password</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;peat password</source>
        <translation>Re&amp;peat password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords differ</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/settings_dialog.py" line="+52"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> years</source>
        <translation> years</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the &amp;image of each scanned card</source>
        <translation>Keep the &amp;image of each scanned card</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies from the next start.</source>
        <translation>A new language applies from the next start.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Only the owner chooses the backup folder</source>
        <translation>Only the owner chooses the backup folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+64"/>
        <source>Backup folder</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>No backup yet</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last backup</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Consents recorded from now on name this version of the privacy notice</source>
        <translation>Consents recorded from now on name this version of the privacy notice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the owner sets the notice version</source>
        <translation>Only the owner sets the notice version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Privacy notice version</source>
        <translation>Privacy notice version</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Customers with no purchase or contact for longer are listed in the retention review, to be anonymised</source>
        <translation>Customers with no purchase or contact for longer are listed in the retention review, to be anonymised</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only the owner sets how long customer data is kept</source>
        <translation>Only the owner sets how long customer data is kept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep customer data for</source>
        <translation>Keep customer data for</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only the owner chooses whether card images are kept</source>
        <translation>Only the owner chooses whether card images are kept</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A card&apos;s image shows the customer&apos;s health data (allergies, chronic conditions). When kept, it is stored encrypted in the pharmacy file; otherwise only the file name and page are kept, and the scans stay where they are.</source>
        <translation>A card&apos;s image shows the customer&apos;s health data (allergies, chronic conditions). When kept, it is stored encrypted in the pharmacy file; otherwise only the file name and page are kept, and the scans stay where they are.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scanned cards</source>
        <translation>Scanned cards</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The notice version is 1 to %1 characters.</source>
        <translation>The notice version is 1 to %1 characters.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/start_dialogs.py" line="+172"/>
        <source>Set up your pharmacy</source>
        <translation>Set up your pharmacy</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pharmacy name</source>
        <translation>Pharmacy name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Pharmacy file</source>
        <translation>Pharmacy file</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Owner account</source>
        <translation>Owner account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Moving from another PC? Restore your pharmacy from its backup file instead of creating a new one.</source>
        <translation>Moving from another PC? Restore your pharmacy from its backup file instead of creating a new one.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore from a backup…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Too weak: at least 8 characters of two kinds (letters, digits…)</source>
        <translation>Too weak: at least 8 characters of two kinds (letters, digits…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceptable; longer is stronger</source>
        <translation>Acceptable; longer is stronger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strong</source>
        <translation>Strong</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords differ</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../../pharmadesk/ui/card_sources_page.py" line="+69"/>
        <source>Choose the scanned cards</source>
        <translation>Choose the scanned cards</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (PNG, JPEG, TIFF) or PDF files, one card a page, or folders of them.</source>
        <translation>Images (PNG, JPEG, TIFF) or PDF files, one card a page, or folders of them.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a f&amp;older…</source>
        <translation>Add a f&amp;older…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Define a layout from a sample card…</source>
        <translation>&amp;Define a layout from a sample card…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changing the scans or the layout reads the cards again: what was checked so far is forgotten.</source>
        <translation>Changing the scans or the layout reads the cards again: what was checked so far is forgotten.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Only the owner defines card layouts</source>
        <translation>Only the owner defines card layouts</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Layout:</source>
        <translation>&amp;Layout:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose scanned cards</source>
        <translation>Choose scanned cards</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a folder of scanned cards</source>
        <translation>Choose a folder of scanned cards</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Looking through the scans…</source>
        <translation>Looking through the scans…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln file</numerusform>
            <numerusform>%Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 with %Ln card(s).</source>
        <translation>
            <numerusform>%1 with %Ln card.</numerusform>
            <numerusform>%1 with %Ln cards.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>By printed labels</source>
        <translation>By printed labels</translation>
    </message>
</context>
<context>
    <name>StaleReviewModel</name>
    <message>
        <location filename="../../pharmadesk/ui/stale_review.py" line="-62"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last confirmed</source>
        <translation>Last confirmed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Confirmed %1</source>
        <translation>Confirmed %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moved %1</source>
        <translation>Moved %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deceased %1</source>
        <translation>Deceased %1</translation>
    </message>
</context>
<context>
    <name>StaleReviewWindow</name>
    <message>
        <location line="+49"/>
        <location line="+192"/>
        <source>Review stale records</source>
        <translation>Review stale records</translation>
    </message>
    <message>
        <location line="-154"/>
        <source> months</source>
        <translation> months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask to confirm details after:</source>
        <translation>Ask to confirm details after:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Confirm</source>
        <translation>&amp;Confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Update…</source>
        <translation>&amp;Update…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Moved…</source>
        <translation>&amp;Moved…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Deceased…</source>
        <translation>&amp;Deceased…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>U&amp;ndo</source>
        <translation>U&amp;ndo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Customers whose mobile and address were not confirmed for more than %Ln month(s), those who came in most recently first.</source>
        <translation>
            <numerusform>Customers whose mobile and address were not confirmed for more than %Ln month, those who came in most recently first.</numerusform>
            <numerusform>Customers whose mobile and address were not confirmed for more than %Ln months, those who came in most recently first.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln customer(s) to review.</source>
        <translation>
            <numerusform>%Ln customer to review.</numerusform>
            <numerusform>%Ln customers to review.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The list could not be loaded: %1</source>
        <translation>The list could not be loaded: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/backup_dialogs.py" line="-190"/>
        <location line="+19"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>It did not work: %1</source>
        <translation>It did not work: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pharmacy&apos;s data itself is not affected.</source>
        <translation>The pharmacy&apos;s data itself is not affected.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit anyway</source>
        <translation>Quit anyway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay open</source>
        <translation>Stay open</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/templates_dialog.py" line="+41"/>
        <source>Refill reminder</source>
        <translation>Refill reminder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday greeting</source>
        <translation>Birthday greeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win-back call</source>
        <translation>Win-back call</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due day</source>
        <translation>Due day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy</source>
        <translation>Pharmacy</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+132"/>
        <location line="+50"/>
        <location line="+8"/>
        <source>Message templates</source>
        <translation>Message templates</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>&amp;Message</source>
        <translation>&amp;Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Insert:</source>
        <translation>Insert:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A part in [square brackets] is left out when a placeholder in it is empty or 0, e.g. [You have {points} points.]</source>
        <translation>A part in [square brackets] is left out when a placeholder in it is empty or 0, e.g. [You have {points} points.]</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name, mobile or member code</source>
        <translation>Name, mobile or member code</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;ustomer</source>
        <translation>C&amp;ustomer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Reset to default</source>
        <translation>&amp;Reset to default</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The template was changed but not saved. Discard the changes?</source>
        <translation>The template was changed but not saved. Discard the changes?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Changed, not saved.</source>
        <translation>Changed, not saved.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The built-in template.</source>
        <translation>The built-in template.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pharmacy&apos;s own template.</source>
        <translation>The pharmacy&apos;s own template.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The built-in template is back in the editor: Save keeps it.</source>
        <translation>The built-in template is back in the editor: Save keeps it.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The template was not saved: %1</source>
        <translation>The template was not saved: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A template cannot be empty.</source>
        <translation>A template cannot be empty.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A { or } belongs to no placeholder. Write {{ or }} for a brace itself.</source>
        <translation>A { or } belongs to no placeholder. Write {{ or }} for a brace itself.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown placeholder: %1.
The placeholders are: %2.</source>
        <translation>Unknown placeholder: %1.
The placeholders are: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template holds at most %1 characters.</source>
        <translation>A template holds at most %1 characters.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No preview: %1</source>
        <translation>No preview: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find a customer above to see the message with their data.</source>
        <translation>Find a customer above to see the message with their data.</translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <location filename="../../pharmadesk/ui/unexpected.py" line="+23"/>
        <source>The details are in the log file: %1</source>
        <translation>The details are in the log file: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unexpected error (%1); please try again, and tell the owner if it happens again.</source>
        <translation>Unexpected error (%1); please try again, and tell the owner if it happens again.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/start_dialogs.py" line="-185"/>
        <source>Unlock PharmaDesk</source>
        <translation>Unlock PharmaDesk</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore from backup…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pharmacy file: %1</source>
        <translation>Pharmacy file: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sign in to the restored pharmacy.</source>
        <translation>Sign in to the restored pharmacy.</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Wrong user name or password. Please try again.</source>
        <translation>Wrong user name or password. Please try again.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Too many wrong passwords. Try again in %1 s.</source>
        <translation>Too many wrong passwords. Try again in %1 s.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong passwords. Try again in %1 min.</source>
        <translation>Too many wrong passwords. Try again in %1 min.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The owner can lift the wait.</source>
        <translation>The owner can lift the wait.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The pharmacy file cannot be opened: %1</source>
        <translation>The pharmacy file cannot be opened: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore it from your last backup.</source>
        <translation>Restore it from your last backup.</translation>
    </message>
</context>
<context>
    <name>WinbackTab</name>
    <message>
        <location filename="../../pharmadesk/ui/winback_tab.py" line="+124"/>
        <source>Customers at risk or lost by the lifecycle stages of the charts, who agreed to be contacted; the largest spend in the last 12 months first.</source>
        <translation>Customers at risk or lost by the lifecycle stages of the charts, who agreed to be contacted; the largest spend in the last 12 months first.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Call…</source>
        <translation>&amp;Call…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open customer</source>
        <translation>&amp;Open customer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <location line="+121"/>
        <source>%Ln customer(s) to win back.</source>
        <translation>
            <numerusform>%Ln customer to win back.</numerusform>
            <numerusform>%Ln customers to win back.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-115"/>
        <source>The list could not be loaded: %1</source>
        <translation>The list could not be loaded: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: last visit %2, %3 days ago.</source>
        <translation>%1: last visit %2, %3 days ago.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Usually buys %1.</source>
        <translation>Usually buys %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 in the last 12 months.</source>
        <translation>%1 in the last 12 months.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Win-back call: %1</source>
        <translation>Win-back call: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The call was not logged: %1</source>
        <translation>The call was not logged: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win-back call</source>
        <translation>Win-back call</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+5"/>
        <location line="+20"/>
        <source>Export the win-back list</source>
        <translation>Export the win-back list</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>win-back %1</source>
        <translation>win-back %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln customer(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln customer exported to %1.</numerusform>
            <numerusform>%Ln customers exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The list was not exported: %1</source>
        <translation>The list was not exported: %1</translation>
    </message>
</context>
<context>
    <name>WinbackTableModel</name>
    <message>
        <location line="-220"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days since</source>
        <translation>Days since</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last call</source>
        <translation>Last call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usual categories</source>
        <translation>Usual categories</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>12-month value</source>
        <translation>12-month value</translation>
    </message>
</context>
<context>
    <name>audit_labels</name>
    <message>
        <location filename="../../pharmadesk/ui/audit_labels.py" line="+16"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed login</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer file opened</source>
        <translation>Customer file opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanned card image viewed</source>
        <translation>Scanned card image viewed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer changed</source>
        <translation>Customer changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer details confirmed</source>
        <translation>Customer details confirmed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer made inactive</source>
        <translation>Customer made inactive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer active again</source>
        <translation>Customer active again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as moved or deceased</source>
        <translation>Marked as moved or deceased</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved or deceased mark undone</source>
        <translation>Moved or deceased mark undone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers merged</source>
        <translation>Customers merged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge undone</source>
        <translation>Merge undone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not the same person</source>
        <translation>Not the same person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not the same person undone</source>
        <translation>Not the same person undone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer erased</source>
        <translation>Customer erased</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer anonymised</source>
        <translation>Customer anonymised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent recorded</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent withdrawn</source>
        <translation>Consent withdrawn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase recorded</source>
        <translation>Purchase recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points corrected</source>
        <translation>Points corrected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points expired</source>
        <translation>Points expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyalty rules changed</source>
        <translation>Loyalty rules changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interaction logged</source>
        <translation>Interaction logged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up done</source>
        <translation>Follow-up done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up reopened</source>
        <translation>Follow-up reopened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday greeting logged</source>
        <translation>Birthday greeting logged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder ended: medicine stopped</source>
        <translation>Reminder ended: medicine stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder ended: do not remind</source>
        <translation>Reminder ended: do not remind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder snoozed</source>
        <translation>Reminder snoozed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder change undone</source>
        <translation>Reminder change undone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import undone</source>
        <translation>Import undone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import report saved</source>
        <translation>Import report saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer list exported</source>
        <translation>Customer list exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s own data exported</source>
        <translation>Customer&apos;s own data exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers listed (command line)</source>
        <translation>Customers listed (command line)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win-back list exported</source>
        <translation>Win-back list exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real-name register exported</source>
        <translation>Real-name register exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-sale limit overridden</source>
        <translation>Per-sale limit overridden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Controlled flag changed</source>
        <translation>Controlled flag changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit log exported</source>
        <translation>Audit log exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account created</source>
        <translation>Account created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account restored</source>
        <translation>Account restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account removed</source>
        <translation>Account removed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role changed</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password set by the owner</source>
        <translation>Password set by the owner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own password changed</source>
        <translation>Own password changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login wait lifted</source>
        <translation>Login wait lifted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New recovery code</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner password reset by recovery code</source>
        <translation>Owner password reset by recovery code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting changed</source>
        <translation>Setting changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field added</source>
        <translation>Custom field added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field renamed</source>
        <translation>Custom field renamed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field options added</source>
        <translation>Custom field options added</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom fields reordered</source>
        <translation>Custom fields reordered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field retired</source>
        <translation>Custom field retired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field restored</source>
        <translation>Custom field restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy created</source>
        <translation>Pharmacy created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup made</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored from a backup</source>
        <translation>Restored from a backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo data created</source>
        <translation>Demo data created</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All account changes</source>
        <translation>All account changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All customer file events</source>
        <translation>All customer file events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All consent changes</source>
        <translation>All consent changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All imports</source>
        <translation>All imports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All exports</source>
        <translation>All exports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All points changes</source>
        <translation>All points changes</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../pharmadesk/ui/formatting.py" line="+69"/>
        <source>pp</source>
        <comment>percentage points</comment>
        <translation>pp</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../pharmadesk/ui/labels.py" line="+20"/>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper card</source>
        <translation>Paper card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Will come in</source>
        <translation>Will come in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped this medicine</source>
        <translation>Stopped this medicine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lapsing</source>
        <translation>Lapsing</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given</source>
        <translation>Given</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper card, not yet confirmed</source>
        <translation>Paper card, not yet confirmed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health data</source>
        <translation>Health data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact and offers</source>
        <translation>Contact and offers</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member code</source>
        <translation>Member code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other phone</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences (categories, brands)</source>
        <translation>Preferences (categories, brands)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chronic conditions</source>
        <translation>Chronic conditions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent: personal data</source>
        <translation>Consent: personal data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent: health data</source>
        <translation>Consent: health data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent: contact and offers</source>
        <translation>Consent: contact and offers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian&apos;s mobile</source>
        <translation>Guardian&apos;s mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents given via</source>
        <translation>Consents given via</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A name is required</source>
        <translation>A name is required</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid mobile: 11 digits starting 13-19</source>
        <translation>Not a valid mobile: 11 digits starting 13-19</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a mobile number</source>
        <translation>Not a mobile number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a phone number</source>
        <translation>Not a phone number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such date</source>
        <translation>No such date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a date (e.g. 1965-03-07 or 1965年3月7日)</source>
        <translation>Not a date (e.g. 1965-03-07 or 1965年3月7日)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a plausible birth date</source>
        <translation>Not a plausible birth date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a plausible birth year</source>
        <translation>Not a plausible birth year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a gender</source>
        <translation>Not a gender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an age</source>
        <translation>Not an age</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a plausible age</source>
        <translation>Not a plausible age</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an email address</source>
        <translation>Not an email address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A postal code has 6 digits</source>
        <translation>A postal code has 6 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a consent status</source>
        <translation>Not a consent status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long</source>
        <translation>Too long</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a number</source>
        <translation>Not a number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not one of the choices</source>
        <translation>Not one of the choices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown field</source>
        <translation>Unknown field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in use by another customer</source>
        <translation>Already in use by another customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A child under 14: the guardian&apos;s name is required</source>
        <translation>A child under 14: the guardian&apos;s name is required</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A child under 14: the guardian&apos;s mobile is required</source>
        <translation>A child under 14: the guardian&apos;s mobile is required</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A child under 14: the guardian&apos;s consent is required (Given)</source>
        <translation>A child under 14: the guardian&apos;s consent is required (Given)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a consent channel</source>
        <translation>Not a consent channel</translation>
    </message>
</context>
</TS>
