<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="+140"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong passwords</source>
        <translation>密码错误次数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting until</source>
        <translation>等待至</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location line="-122"/>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacist</source>
        <translation>药师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>店员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An account needs a name.</source>
        <translation>账户需要一个名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An account named %1 already exists.</source>
        <translation>已有名为 %1 的账户。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no active account named %1.</source>
        <translation>没有名为 %1 的在用账户。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pharmacy must keep at least one owner account.</source>
        <translation>药店必须保留至少一个店主账户。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You cannot remove the account you are signed in with.</source>
        <translation>不能删除当前登录的账户。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The auto-lock time must be %1 to %2 minutes.</source>
        <translation>自动锁定时间必须在 %1 到 %2 分钟之间。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Only the owner may manage accounts.</source>
        <translation>只有店主可以管理账户。</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>At least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <location line="+175"/>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;role…</source>
        <translation>更改角色(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lift wait</source>
        <translation>解除等待(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New recovery &amp;code…</source>
        <translation>新的恢复码(&amp;C)…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lock the window after idle &amp;minutes:</source>
        <translation>空闲多少分钟后锁定窗口(&amp;I)：</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Account %1 added.</source>
        <translation>已添加账户 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is now: %2.</source>
        <translation>%1 现在的角色：%2。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 has a new password.</source>
        <translation>%1 已设置新密码。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Account %1 removed.</source>
        <translation>已删除账户 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove the account %1? It can no longer sign in. What it did stays in the audit log under its name, and the owner can add the name again later.</source>
        <translation>删除账户 %1？删除后它将无法登录。它做过的操作仍以该名称保留在审计日志中，店主以后可以重新添加这个名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 may try to sign in again now.</source>
        <translation>%1 现在可以重新尝试登录。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The recovery code was replaced; the old one no longer works.</source>
        <translation>恢复码已更换，旧的恢复码已失效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Make a new recovery code? The old one stops working at once: throw away the paper it is written on once the new one is kept safe.</source>
        <translation>生成新的恢复码？旧的恢复码会立即失效：妥善保存新码后，请销毁记有旧码的纸张。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New recovery code</source>
        <translation>新的恢复码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Make a new code</source>
        <translation>生成新码(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>The window now locks after %Ln idle minute(s).</source>
        <translation>
            <numerusform>窗口将在空闲 %Ln 分钟后锁定。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location line="-365"/>
        <source>Add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;peat password</source>
        <translation>再次输入密码(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>AdjustPointsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/points_panel.py" line="+99"/>
        <source>Correct points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Points to add, or a minus sign and the points to take</source>
        <translation>要增加的积分；扣减时在前面加负号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the points are corrected (required)</source>
        <translation>调整原因（必填）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Balance now</source>
        <translation>当前余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Points (+/−)</source>
        <translation>积分(+/−)(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enter the points to add, or a minus sign and the points to take.</source>
        <translation>请输入要增加的积分；扣减时在前面加负号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>Say why the points are corrected.</source>
        <translation>请填写调整积分的原因。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The customer has %1 points; %2 cannot be taken.</source>
        <translation>顾客只有 %1 积分，不能扣减 %2。</translation>
    </message>
</context>
<context>
    <name>AllPurchasesModel</name>
    <message>
        <location filename="../../pharmadesk/ui/models.py" line="+234"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
</context>
<context>
    <name>AllPurchasesWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/all_purchases.py" line="+30"/>
        <source>All purchases</source>
        <translation>全部购药记录</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%Ln purchase line(s)</source>
        <translation>
            <numerusform>共 %Ln 条购药记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalyticsSegments</name>
    <message>
        <location filename="../../pharmadesk/ui/analytics_labels.py" line="+13"/>
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal</source>
        <translation>忠诚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular</source>
        <translation>一般</translation>
    </message>
</context>
<context>
    <name>AnalyticsStages</name>
    <message>
        <location line="+3"/>
        <source>New</source>
        <translation>新客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>回头客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyal</source>
        <translation>忠实</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <location filename="../../pharmadesk/ui/audit_viewer.py" line="+168"/>
        <location line="+1"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>F&amp;rom</source>
        <translation>从(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User</source>
        <translation>账户(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Customer</source>
        <translation>客户编号(&amp;C)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>All users</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location line="+43"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the audit log…</source>
        <translation>正在检查审计日志…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Not a date: use YYYY-MM-DD, e.g. 2026-11-20.</source>
        <translation>日期无效：请按 年-月-日 填写，例如 2026-11-20。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the audit log…</source>
        <translation>正在读取审计日志…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>共 %Ln 条事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Checking the audit log… %Ln event(s) intact so far.</source>
        <translation>
            <numerusform>正在检查审计日志…目前 %Ln 条事件完好。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The audit log is intact: all %Ln event(s) are as they were written.</source>
        <translation>
            <numerusform>审计日志完好：全部 %Ln 条事件均与写入时一致。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it does not link to the event before it (an event was removed or inserted)</source>
        <translation>它与前一条事件衔接不上（有事件被删除或插入）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it was changed after it was written</source>
        <translation>它在写入后被修改过</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning: the audit log was tampered with. The chain breaks at event %1: %2. Events from there on cannot be trusted; restore the last backup to compare.</source>
        <translation>警告：审计日志被篡改过。哈希链在事件 %1 处断开：%2。从该事件起的记录都不可信；请恢复最近的备份进行比对。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>audit-log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln event(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %Ln 条事件导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Only the owner may see the audit log.</source>
        <translation>只有店主可以查看审计日志。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first day comes after the last day.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location line="-355"/>
        <source>Event</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../pharmadesk/ui/backup_actions.py" line="+184"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing up the pharmacy…</source>
        <translation>正在备份药房数据…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Backed up at %1</source>
        <translation>已于 %1 备份</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the check could not finish: %1</source>
        <translation>检查未能完成：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pharmacy file checked: no problem</source>
        <translation>药房文件检查完毕：没有问题</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A problem in the pharmacy file</source>
        <translation>药房文件有问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the pharmacy file found a problem:</source>
        <translation>检查药房文件时发现问题：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restoring the last good backup may be needed.</source>
        <translation>可能需要恢复最近一份完好的备份。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please tell the owner.</source>
        <translation>请告知店主。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The daily backup failed: %1</source>
        <translation>每日备份失败：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Backing up before closing</source>
        <translation>关闭前备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing up the pharmacy before closing…</source>
        <translation>关闭前正在备份药房数据…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Restoring a backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sign in to the restored pharmacy.</source>
        <translation>请登录恢复后的药房。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backup was not restored: %1</source>
        <translation>备份未恢复：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was changed.</source>
        <translation>数据没有任何改动。</translation>
    </message>
</context>
<context>
    <name>BackupText</name>
    <message>
        <location filename="../../pharmadesk/ui/backup_dialogs.py" line="+63"/>
        <source>made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on exit</source>
        <translation>退出时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n purchase line(s)</source>
        <translation>
            <numerusform>%n 条购买记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n 条沟通记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个账号</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy</source>
        <translation>药房</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App version</source>
        <translation>软件版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Backup saved and checked:</source>
        <translation>备份已保存并通过校验：</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>Wrong user name or password for this backup. Nothing was changed.</source>
        <translation>此备份的用户名或密码错误。未做任何更改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only an owner account of the backup may restore it. Nothing was changed.</source>
        <translation>只有该备份中的店主账户才能恢复它。未做任何更改。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This backup cannot be restored: %1</source>
        <translation>此备份无法恢复：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring the backup of %1…</source>
        <translation>正在恢复 %1 的备份…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The backup of %1 was restored.</source>
        <translation>已恢复 %1 的备份。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The data it replaced is kept in %1.</source>
        <translation>被替换的数据保存在 %1。</translation>
    </message>
</context>
<context>
    <name>BatchTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/import_history.py" line="+59"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 (scanned cards)</source>
        <translation>%1（扫描卡片）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>BirthdayTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/birthdays_tab.py" line="+63"/>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turns</source>
        <translation>周岁</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greeting</source>
        <translation>祝福</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>✓ Greeted</source>
        <translation>✓ 已祝福</translation>
    </message>
</context>
<context>
    <name>BirthdaysTab</name>
    <message>
        <location line="+59"/>
        <source>G&amp;reeting (from the template; you may edit it before copying)</source>
        <translation>祝福语(&amp;R)（按模板生成，复制前可修改）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This &amp;week, Monday to Sunday (%1 – %2)</source>
        <translation>本周(&amp;W)，周一至周日（%1 – %2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This &amp;month (%1 – %2)</source>
        <translation>本月(&amp;M)（%1 – %2）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Copy greeting</source>
        <translation>复制祝福语(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log greeting…</source>
        <translation>记录祝福(&amp;L)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open customer</source>
        <translation>打开顾客(&amp;O)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The birthdays could not be loaded: %1</source>
        <translation>生日名单无法加载：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, %2 greeted.</source>
        <translation>%1，已祝福 %2 位。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln birthday(s)</source>
        <translation>
            <numerusform>%Ln 位顾客过生日</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The greeting could not be written: %1</source>
        <translation>无法生成祝福语：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Greeting copied.</source>
        <translation>祝福语已复制。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Birthday greeting: %1</source>
        <translation>生日祝福：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The greeting was not logged: %1</source>
        <translation>祝福未能记录：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday greeting</source>
        <translation>生日祝福</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/call_dialog.py" line="+61"/>
        <source>Call %1</source>
        <translation>致电 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No mobile on file</source>
        <translation>未登记手机号</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hannel</source>
        <translation>方式(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>CardImport</name>
    <message>
        <location filename="../../pharmadesk/ui/card_reader.py" line="+56"/>
        <source>%1, page %2</source>
        <translation>%1，第 %2 页</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/card_text.py" line="+24"/>
        <source>waiting</source>
        <translation>等待识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reading…</source>
        <translation>识别中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to check</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was read here</source>
        <translation>未识别到内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in a valid form</source>
        <translation>格式不对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reader is not sure of this</source>
        <translation>识别把握不大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A stamp may cover this: compare with the card</source>
        <translation>疑似印章覆盖：请对照卡片核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May be a customer already on file</source>
        <translation>可能与已有顾客重复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration date</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” does not exist.</source>
        <translation>“%1”不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is too big for a scan (at most 100 MB).</source>
        <translation>“%1”太大，不像扫描件（最多 100 MB）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not a scan PharmaDesk reads (PNG, JPEG, TIFF or PDF).</source>
        <translation>“%1”不是 PharmaDesk 能读取的扫描件（PNG、JPEG、TIFF 或 PDF）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is damaged or cut short and cannot be read.</source>
        <translation>“%1”已损坏或不完整，无法读取。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has more pages than a file of cards may hold (at most 1,000).</source>
        <translation>“%1”的页数超过一个卡片文件允许的上限（最多 1,000 页）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” has more pixels than a scanned card can have: scan it at 300 dpi.</source>
        <translation>“%1”的像素远超一张扫描卡片：请以 300 dpi 扫描。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is empty.</source>
        <translation>“%1”是空文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder “%1” holds no scans (PNG, JPEG, TIFF or PDF).</source>
        <translation>文件夹“%1”中没有扫描件（PNG、JPEG、TIFF 或 PDF）。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scanned cards cannot be read on this computer.</source>
        <translation>此电脑无法识别扫描卡片。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The text recogniser&apos;s packages are not installed (%1). Install PharmaDesk with its “ocr” extra: pip install &apos;pharmadesk[ocr]&apos;</source>
        <translation>未安装文字识别组件（%1）。请安装带“ocr”附加组件的 PharmaDesk：pip install &apos;pharmadesk[ocr]&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The recogniser&apos;s models are missing from this installation, and PharmaDesk never downloads any: reinstall rapidocr.</source>
        <translation>此安装缺少文字识别模型，而 PharmaDesk 从不联网下载模型：请重新安装 rapidocr。</translation>
    </message>
</context>
<context>
    <name>CardImportWizard</name>
    <message>
        <location filename="../../pharmadesk/ui/card_import.py" line="+71"/>
        <source>Import scanned cards</source>
        <translation>导入扫描卡片</translation>
    </message>
    <message numerus="yes">
        <location line="+83"/>
        <source>%n card(s) accepted and not imported yet. Close and lose the check?</source>
        <translation>
            <numerusform>已确认 %n 张卡片，尚未导入。仍要关闭并丢弃本次核对吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CardList</name>
    <message>
        <location filename="../../pharmadesk/ui/card_list.py" line="+51"/>
        <source>Accepted: %1 · To check: %2 · Skipped: %3 · Unreadable: %4</source>
        <translation>已确认：%1 · 待核对：%2 · 已跳过：%3 · 无法识别：%4</translation>
    </message>
</context>
<context>
    <name>CardPageDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/card_page_dialog.py" line="+249"/>
        <source>Scanned card</source>
        <translation>扫描卡片</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>A card shows health data (allergies, chronic conditions), which your account may not see: ask a pharmacist or the owner to look at it.</source>
        <translation>卡片上有健康信息（过敏史、慢性病），您的账户无权查看：请药师或店主查看。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This card&apos;s image was not kept in the pharmacy file, only where the scan is: “%1”, page %2.

The owner can choose to keep card images, in Settings.</source>
        <translation>药店数据文件中没有保存这张卡片的图像，只记下了扫描件的位置：“%1”，第 %2 页。

店主可以在“设置”中选择保存卡片图像。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading the card&apos;s image…</source>
        <translation>正在读取卡片图像…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This card&apos;s image is no longer in the pharmacy file.</source>
        <translation>药店数据文件中已没有这张卡片的图像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card&apos;s stored image cannot be shown: it may be damaged.</source>
        <translation>保存的卡片图像无法显示，可能已损坏。</translation>
    </message>
</context>
<context>
    <name>CardPageLink</name>
    <message>
        <location line="-268"/>
        <source>The paper registration card this customer was imported from</source>
        <translation>该客户建档所依据的纸质登记卡</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Scanned card: %1 pages…</source>
        <translation>扫描卡片：%1 页…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanned card…</source>
        <translation>扫描卡片…</translation>
    </message>
</context>
<context>
    <name>CardPageModel</name>
    <message>
        <location line="+31"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imported</source>
        <translation>导入日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>image kept</source>
        <translation>已保存图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reference only</source>
        <translation>仅记录位置</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="+32"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Account: %1</source>
        <translation>账户：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;peat new password</source>
        <translation>再次输入新密码(&amp;E)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../pharmadesk/ui/chart_view.py" line="+69"/>
        <location line="+44"/>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Save chart: %1</source>
        <translation>保存图表：%1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Chart not saved</source>
        <translation>图表未保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../pharmadesk/ui/card_check_page.py" line="+54"/>
        <source>Check every card</source>
        <translation>逐张核对卡片</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare each value with the card and correct it. Enter accepts the card; only accepted cards are imported.</source>
        <translation>对照卡片核对并更正每一项。按回车确认该卡片；只有确认过的卡片才会导入。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Accept (Enter)</source>
        <translation>确认（回车）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip (%1)</source>
        <translation>跳过（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unreadable (%1)</source>
        <translation>无法识别（%1）</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>This card has not been read yet.</source>
        <translation>这张卡片还未识别。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A card needs a name to be imported: type it, or skip the card (%1).</source>
        <translation>卡片须有姓名才能导入：请输入姓名，或跳过这张卡片（%1）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tick “Checked” beside the allergies and the chronic conditions first: health data is imported only once a person has compared it with the card.</source>
        <translation>请先勾选过敏史和慢性病旁的“已核对”：健康信息须经人工对照卡片核对后才会导入。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Marked unreadable before it was read.</source>
        <translation>识别前已标为无法识别。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Waiting for the next card to be read…</source>
        <translation>正在等待识别下一张卡片…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every card read has been checked: go on with Next.</source>
        <translation>已识别的卡片均已核对：请点“下一步”继续。</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../pharmadesk/ui/import_columns_page.py" line="+90"/>
        <source>Match the columns</source>
        <translation>对应各列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose what each column holds. The heading row was found automatically.</source>
        <translation>请为每一列选择对应的内容。标题行已自动识别。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save as te&amp;mplate…</source>
        <translation>另存为模板(&amp;M)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Column heading</source>
        <translation>列标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Example %1</source>
        <translation>示例 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes to</source>
        <translation>导入到</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Heading &amp;row:</source>
        <translation>标题行(&amp;R)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Custom field: %1</source>
        <translation>自定义字段：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New custom field…</source>
        <translation>新建自定义字段…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(column %1)</source>
        <translation>（%1 列）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (row %2)</source>
        <translation>%1（第%2行）</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>New custom field</source>
        <translation>新建自定义字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label of the new text field:</source>
        <translation>新文本字段的名称：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Columns set to Ignore are left out.</source>
        <translation>设为“忽略”的列不会导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the column that holds the names: a customer needs one.</source>
        <translation>请选择姓名所在的列：每位客户都必须有姓名。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Template “%1” applied.</source>
        <translation>已套用模板“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save as template</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Template name:</source>
        <translation>模板名称：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Template “%1” saved.</source>
        <translation>模板“%1”已保存。</translation>
    </message>
</context>
<context>
    <name>CommitPage</name>
    <message>
        <location filename="../../pharmadesk/ui/import_commit_page.py" line="+52"/>
        <location line="+128"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>&amp;Cancel import</source>
        <translation>取消导入(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+122"/>
        <source>Save &amp;report…</source>
        <translation>保存报告(&amp;R)…</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Imported as batch %1.</source>
        <translation>已导入，批次号 %1。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The import was cancelled. Nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Nothing was written.</source>
        <translation>未写入任何数据。</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%Ln row(s) of this file were rejected or imported with a warning. The report is the only list of them and of the reasons, and it has not been saved: once the wizard is closed they cannot be listed again.</source>
        <translation>
            <numerusform>此文件有 %Ln 行被拒绝或带警告导入。导入报告是这些行及其原因的唯一清单，尚未保存：关闭向导后将无法再列出。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close &amp;without report</source>
        <translation>不保存报告关闭(&amp;W)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 - import report</source>
        <translation>%1 - 导入报告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the import report</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Report saved to %1 (%Ln row(s)).</source>
        <translation>
            <numerusform>报告已保存到 %1（共 %Ln 行）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentHistoryModel</name>
    <message>
        <location filename="../../pharmadesk/ui/consent_panel.py" line="+54"/>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Consent</source>
        <translation>同意事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notice</source>
        <translation>告知书版本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Given by</source>
        <translation>作出人</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>本人</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <location line="+26"/>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer withdraws this consent (recorded at once)</source>
        <translation>顾客撤回此项同意（立即记录）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Consents are recorded when the customer is saved.</source>
        <translation>保存客户后记录各项同意。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A child&apos;s consents are given by the guardian, %1.</source>
        <translation>儿童的各项同意由监护人 %1 作出。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>notice %1</source>
        <translation>告知书 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by the guardian</source>
        <translation>由监护人作出</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not withdrawn</source>
        <translation>未撤回</translation>
    </message>
</context>
<context>
    <name>ControlledProductsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/controlled_products_dialog.py" line="+43"/>
        <location line="+69"/>
        <source>Controlled medicines</source>
        <translation>含麻黄碱类药品</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Find a product: name, pinyin initials or barcode</source>
        <translation>查找商品：名称、拼音首字母或条码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Controlled</source>
        <translation>需登记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> packs</source>
        <translation> 个最小包装</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sales of a controlled medicine need the buyer&apos;s name, ID number and the batch in the real-name register, and at most the limit below per sale unless a pharmacist gives a reason.</source>
        <translation>销售含麻黄碱类药品须在实名登记中记录购买人姓名、身份证号和批号；每次不超过下面的限购数量，除非药师填写原因。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Per-sale &amp;limit of one product</source>
        <translation>单品每次限购(&amp;L)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Close without saving the changes?</source>
        <translation>不保存更改就关闭吗？</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Nothing changed.</source>
        <translation>没有更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is now controlled</source>
        <translation>%1 现需实名登记</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is no longer controlled</source>
        <translation>%1 不再需要实名登记</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the per-sale limit is now %1 packs (was %2)</source>
        <translation>每次限购改为 %1 个最小包装（原为 %2）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved: %1.</source>
        <translation>已保存：%1。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../pharmadesk/ui/crash.py" line="+105"/>
        <source>PharmaDesk: something went wrong</source>
        <translation>PharmaDesk：出现了问题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open the log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>CustomFieldsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/custom_fields_dialog.py" line="+84"/>
        <location line="+51"/>
        <location line="+29"/>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add options…</source>
        <translation>添加选项…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire / restore</source>
        <translation>停用 / 恢复</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (retired)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Rename field</source>
        <translation>重命名字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New label</source>
        <translation>新名称</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Only a choice field has options.</source>
        <translation>只有“选项”类型的字段才有选项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add options</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New options for %1 (now: %2), separated by commas. Options already saved on customers are never taken away.</source>
        <translation>为“%1”添加新选项（现有：%2），用逗号分隔。客户已保存的选项不会被删除。</translation>
    </message>
</context>
<context>
    <name>CustomerDataDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/privacy_dialogs.py" line="+166"/>
        <source>Export this customer&apos;s data</source>
        <translation>导出该客户的数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything PharmaDesk holds about %1 (profile, purchases, interactions, consents, points, the audit entries about them and the imports that touched their file) is written to one Excel workbook, in plain text. Hand it to the customer and do not keep a copy. The export is recorded in the audit log.</source>
        <translation>PharmaDesk 保存的关于 %1 的全部数据（资料、购买记录、互动记录、同意记录、积分、相关审计记录以及涉及其档案的导入）将以明文写入一个 Excel 工作簿。请交给客户本人，不要留存副本。此次导出会记入审计日志。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>customer data %1</source>
        <translation>客户数据 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No file was written.</source>
        <translation>未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>CustomerFormWidget</name>
    <message>
        <location filename="../../pharmadesk/ui/customer_form.py" line="+88"/>
        <source>Allergies, conditions and notes are shown to pharmacists.</source>
        <translation>过敏史、慢性病和备注仅对药师和店主显示。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>How the consents changed on this form were given</source>
        <translation>本表单中修改的同意是通过何种方式取得的</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>e.g. 1965-03-07 or 1965年3月7日</source>
        <translation>例如 1965-03-07 或 1965年3月7日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>if the birth date is unknown</source>
        <translation>出生日期不详时填写</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>11 digits, spaces or dashes allowed</source>
        <translation>11 位数字，可带空格或短横线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required for a child under 14</source>
        <translation>未满14岁的儿童必填</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>e.g. 2024-01-31</source>
        <translation>例如 2024-01-31</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>Looks like a mobile with a digit missing or extra: check it</source>
        <translation>像是少了或多了一位的手机号：请核对</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a mobile: it will be kept as the other phone</source>
        <translation>不是手机号，将保存为其他电话</translation>
    </message>
</context>
<context>
    <name>CustomerHitsModel</name>
    <message>
        <location filename="../../pharmadesk/ui/models.py" line="-152"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member code</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
</context>
<context>
    <name>CustomerListWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/segment_customers.py" line="+146"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the owner may export personal data.</source>
        <translation>只有店主可以导出个人信息。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enter or a double click opens the customer.</source>
        <translation>按回车或双击打开该顾客。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 · %2 spent in the last 12 months</source>
        <translation>%1 · 近 12 个月消费 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位顾客</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln left out: no contact consent</source>
        <translation>
            <numerusform>%Ln 位未列入：未同意联系</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export the list</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../pharmadesk/ui/customer_panel.py" line="+93"/>
        <source>Details</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchases</source>
        <translation>购药记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interactions</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consents</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Please confirm mobile and address</source>
        <translation>请核对手机号和地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They are back: contact and reminders again</source>
        <translation>顾客已回来：恢复联系和提醒</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Deceased on %1</source>
        <translation>已故 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moved away on %1</source>
        <translation>已搬走 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add purchase…</source>
        <translation>添加购药记录…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Log interaction…</source>
        <translation>记录沟通…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark follow-up done</source>
        <translation>标记随访完成</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Allergies: %1</source>
        <translation>过敏史：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chronic conditions: %1</source>
        <translation>慢性病：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total spend %1 · %2 · last visit %3 · usually %4 · %5</source>
        <translation>累计消费 %1 · %2 · 最近到店 %3 · 常购 %4 · %5</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>到店 %Ln 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln open follow-up(s)</source>
        <translation>
            <numerusform>%Ln 条待随访</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerRowsModel</name>
    <message>
        <location filename="../../pharmadesk/ui/segment_customers.py" line="-156"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member code</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transactions (12 months)</source>
        <translation>交易笔数（近12个月）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days to period end</source>
        <translation>距期末天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spend (12 months)</source>
        <translation>消费（近12个月）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Segment</source>
        <translation>客群</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>生命周期</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/dashboard.py" line="+68"/>
        <source>Dashboard</source>
        <translation>经营看板</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Month &amp;report…</source>
        <translation>月度报告(&amp;R)…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not compute: %1</source>
        <translation>无法计算：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sales are on record from %1 only: %2 is partly recorded, so the changes against it are not like for like.</source>
        <translation>销售记录自 %1 起：%2 仅部分有记录，与其相比的变化不可直接比较。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Drawing…</source>
        <translation>正在绘图…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A month report is made for a month period</source>
        <translation>月度报告只针对按月的期间</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Finding the customers…</source>
        <translation>正在查找顾客…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Segment: %1</source>
        <translation>客群：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage: %1</source>
        <translation>生命周期：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bought %1</source>
        <translation>购买过 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bought in %1</source>
        <translation>购买过“%1”类商品</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Writing the month report…</source>
        <translation>正在生成月度报告…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Month report written: %1</source>
        <translation>月度报告已保存：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Month report not written</source>
        <translation>月度报告未生成</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Month report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DiscardQuestion</name>
    <message>
        <location filename="../../pharmadesk/ui/discard_question.py" line="+18"/>
        <source>Close without saving what was entered?</source>
        <translation>不保存已输入的内容就关闭吗？</translation>
    </message>
</context>
<context>
    <name>DuplicatesTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/duplicates_window.py" line="+62"/>
        <source>Level</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Other customer</source>
        <translation>另一位顾客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certain</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strong</source>
        <translation>很可能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible</source>
        <translation>可能</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Score %1 of 100</source>
        <translation>得分 %1（满分 100）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>about %1</source>
        <translation>约 %1 年</translation>
    </message>
</context>
<context>
    <name>DuplicatesWindow</name>
    <message>
        <location line="+25"/>
        <source>Duplicate customers</source>
        <translation>重复顾客</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Customers who may have been registered twice. Merge the ones that are one person; say when two are not, and the pair is not proposed again.</source>
        <translation>可能被登记了两次的顾客。是同一人的请合并；不是同一人的请标记，这一对以后不再提示。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All levels</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Level:</source>
        <translation>可能性(&amp;L)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not the same person</source>
        <translation>不是同一人(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete: this pair is never proposed again</source>
        <translation>Delete 键：这一对以后不再提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Z: propose the last dismissed pair again</source>
        <translation>Ctrl+Z：重新提示刚标记的一对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;first</source>
        <translation>打开第一位(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;second</source>
        <translation>打开第二位(&amp;S)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The list could not be loaded: %1</source>
        <translation>列表无法加载：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln pair(s) to look at.</source>
        <translation>
            <numerusform>共 %Ln 对待查看。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The pair was not dismissed: %1</source>
        <translation>未能标记这一对：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not the same person: %1 (Ctrl+Z to undo).</source>
        <translation>已标记为不是同一人：%1（按 Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The pair was not restored: %1</source>
        <translation>未能恢复这一对：%1</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/privacy_dialogs.py" line="+30"/>
        <source>Erase customer on request</source>
        <translation>应客户要求删除</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>To confirm, type the customer&apos;s name or member code:</source>
        <translation>请输入该客户的姓名或会员号以确认：</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n line(s) of the real-name register (name and ID number as given at the sale) stay, as the law requires: they are kept, unlinked from the erased customer.</source>
        <translation>
            <numerusform>实名登记中的 %n 条记录（销售时登记的姓名和身份证号）依法保留，但不再与已删除的客户关联。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The reference to the %n scanned card page(s) they were imported from is removed too, with any card image kept in the pharmacy file. The paper cards and the scan files themselves are outside PharmaDesk: destroy or delete them by hand.</source>
        <translation>
            <numerusform>其建档所依据的 %n 页扫描卡片的记录也一并删除，药店数据文件中保存的卡片图像同样删除。纸质卡片和扫描文件本身不在 PharmaDesk 中：请手动销毁或删除。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Erase %1? Their name is replaced, and their member code, phone numbers, email, address, birth date, notes, health data and custom fields are removed, as is what was written about them in interactions and the points ledger. Purchases stay, anonymised, for the sales figures. This cannot be undone.</source>
        <translation>删除 %1？其姓名将被替换，会员号、电话、邮箱、地址、出生日期、备注、健康信息和自定义字段将被清除，互动记录和积分明细中关于其本人的文字也会清除。购买记录匿名保留，用于销售统计。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;xport their data first…</source>
        <translation>先导出其数据(&amp;X)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Erase</source>
        <translation>删除(&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Type the customer&apos;s name or member code exactly as shown above.</source>
        <translation>请按上面显示的内容准确输入顾客的姓名或会员号。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Erasing…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The customer was erased.</source>
        <translation>该客户已删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/export_dialog.py" line="+97"/>
        <location line="+191"/>
        <source>Export to Excel</source>
        <translation>导出为电子表格</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>The exported file holds personal data in plain text, outside the encrypted database: anyone who has the file can read it. Keep it safe and delete it when it is no longer needed. Every export is recorded in the audit log with its purpose.</source>
        <translation>导出的文件以明文保存个人信息，不在加密数据库之内：拿到文件的人都能读取。请妥善保管，不再需要时及时删除。每次导出及其用途都会记入审计日志。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Purchases</source>
        <translation>购药记录(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Interactions</source>
        <translation>沟通记录(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Analytics</source>
        <translation>经营分析(&amp;A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only the owner may export personal data.</source>
        <translation>只有店主可以导出个人信息。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only these dates:</source>
        <translation>仅导出这段日期：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Without dates: purchases and interactions of all time, and the analytics of the last full month. With dates: the lines of those days, and the analytics of that period.</source>
        <translation>不限日期：导出全部购药和沟通记录，经营分析为上一个完整月份。限定日期：只导出这些日期内的记录，经营分析也按该期间计算。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Which customers</source>
        <translation>哪些客户</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segment (as of the analytics period):</source>
        <translation>客群（按经营分析期间）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last visit on or after</source>
        <translation>最近到店不早于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last visit on or before</source>
        <translation>最近到店不晚于</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Any category</source>
        <translation>任意品类</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bought from category:</source>
        <translation>购买过的品类：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For contacting them: only customers who agreed to be contacted</source>
        <translation>用于联系客户：仅导出同意接受联系的客户</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. month-end accounts, call-back list</source>
        <translation>例如：月末对账、回访名单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pu&amp;rpose (required):</source>
        <translation>用途(&amp;R)（必填）：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel e&amp;xport</source>
        <translation>取消导出(&amp;X)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>PharmaDesk export %1</source>
        <translation>PharmaDesk 导出 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the file…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Written: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1: %Ln row(s)</source>
        <translation>
            <numerusform>%1：%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln left out: no contact consent</source>
        <translation>
            <numerusform>%Ln 位未导出：未同意联系</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The export was cancelled. No file was written.</source>
        <translation>导出已取消，未生成文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>No file was written.</source>
        <translation>未生成文件。</translation>
    </message>
</context>
<context>
    <name>ExportPurposeDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/export_purpose.py" line="+38"/>
        <source>The file holds personal data. Say what it is for: the purpose is kept in the audit log.</source>
        <translation>此文件含个人信息。请说明导出用途，用途会记入审计日志。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. month-end accounts, call-back list</source>
        <translation>例如：月末对账、回访名单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pu&amp;rpose (required):</source>
        <translation>用途(&amp;R)（必填）：</translation>
    </message>
</context>
<context>
    <name>FieldsPanel</name>
    <message>
        <location filename="../../pharmadesk/ui/card_fields.py" line="+101"/>
        <source>Checked</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health data: tick once you have compared it with the card</source>
        <translation>健康信息：对照卡片核对后请勾选</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../pharmadesk/ui/import_file_page.py" line="+38"/>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A spreadsheet of paper cards: .xlsx, .xls, .ods or .csv.</source>
        <translation>录入纸质登记卡的表格文件：.xlsx、.xls、.ods 或 .csv。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;heet:</source>
        <translation>工作表(&amp;H)：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Spreadsheet:</source>
        <translation>表格文件(&amp;S)：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Open a card file</source>
        <translation>打开登记卡文件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the sheet…</source>
        <translation>正在读取工作表…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%Ln row(s) read.</source>
        <translation>
            <numerusform>已读取 %Ln 行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunRestore</name>
    <message>
        <location filename="../../pharmadesk/ui/first_run_restore.py" line="+43"/>
        <source>Choose the pharmacy&apos;s backup file</source>
        <translation>选择药房的备份文件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The pharmacy is restored as %1. Give the user name and password of an owner account as they were when the backup was made; sign in with them afterwards.</source>
        <translation>药房将恢复为 %1。请输入备份时店主账号的用户名和密码；恢复后用它们登录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is already a pharmacy file at %1. A backup is never restored over it: choose another place for the pharmacy file, or quit and start PharmaDesk again to open that pharmacy.</source>
        <translation>%1 已有药房数据文件。备份绝不会覆盖它：请为药房数据文件另选位置，或退出后重新启动 PharmaDesk 打开那个药房。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The pharmacy cannot be restored in %1: %2</source>
        <translation>无法在 %1 中恢复药房：%2</translation>
    </message>
</context>
<context>
    <name>FollowUpsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/follow_ups.py" line="+26"/>
        <source>Open follow-ups</source>
        <translation>待随访</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Due</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1, %2. Enter opens the customer.</source>
        <translation>%1，%2。按回车打开客户。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln open</source>
        <translation>
            <numerusform>%Ln 条待处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln 条已逾期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GreetingDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/birthdays_tab.py" line="-191"/>
        <source>Birthday on %1, turns %2</source>
        <translation>%1 生日，满 %2 岁</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Birthday greeting for %1</source>
        <translation>给 %1 的生日祝福</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optional, e.g. a gift or a discount</source>
        <translation>选填，例如小礼品或折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday &amp;offer</source>
        <translation>生日优惠(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/import_history.py" line="+23"/>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo batch…</source>
        <translation>撤销批次(&amp;U)…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Checking the batch…</source>
        <translation>正在检查批次…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Undoing batch %1…</source>
        <translation>正在撤销批次 %1…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undo batch %1 (%2)? The customers it created are removed, and the fields it filled in existing customers are emptied again.</source>
        <translation>撤销批次 %1（%2）？该批次新建的客户将被删除，它为已有客户填写的字段将恢复为空。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening points it gave customers who stay are taken back by new entries in their points ledger; the ledger keeps both.</source>
        <translation>它给保留下来的顾客的期初积分，会在其积分明细中以新记录冲回；两条记录都会保留。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln customer(s) who stay have already used points of this import: their balance goes below zero (%1 points in all).</source>
        <translation>
            <numerusform>留下的客户中有 %Ln 位已经用掉了本次导入的积分：撤销后其积分余额将低于零（共 %1 积分）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln customer(s) of this batch were changed after the import (edited, or given purchases or interactions).</source>
        <translation>
            <numerusform>该批次中有 %Ln 位客户在导入后有过改动（被编辑过，或新增了购药记录或沟通记录）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Keep edited</source>
        <translation>保留改动过的客户(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove them too</source>
        <translation>一并删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo batch</source>
        <translation>撤销批次(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>… and %Ln more</source>
        <translation>
            <numerusform>…… 另有 %Ln 位</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Batch %1 undone.</source>
        <translation>批次 %1 已撤销。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln customer(s) removed.</source>
        <translation>
            <numerusform>删除了 %Ln 位客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln edited customer(s) kept.</source>
        <translation>
            <numerusform>保留了 %Ln 位改动过的客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln field(s) restored.</source>
        <translation>
            <numerusform>恢复了 %Ln 个字段。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln scanned card page(s) no longer kept.</source>
        <translation>
            <numerusform>不再保留 %Ln 张扫描卡片页。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln opening points balance(s) of customers who stay reversed by new ledger entries.</source>
        <translation>
            <numerusform>留下的客户中有 %Ln 笔期初积分已由新的积分记录冲回。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../pharmadesk/ui/import_text.py" line="+21"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To be imported</source>
        <translation>将导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be merged</source>
        <translation>将合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be flagged</source>
        <translation>将标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be skipped</source>
        <translation>将跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be rejected</source>
        <translation>将拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration date (to notes)</source>
        <translation>登记日期（记入备注）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points (opening balance)</source>
        <translation>积分（期初余额）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last purchase date</source>
        <translation>上次购买日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of purchases (to notes)</source>
        <translation>购买次数（记入备注）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback rating (to notes)</source>
        <translation>反馈评分（记入备注）</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/import_wizard.py" line="+62"/>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
</context>
<context>
    <name>InactiveCustomersModel</name>
    <message>
        <location filename="../../pharmadesk/ui/retention_model.py" line="+67"/>
        <source>Member code</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchases</source>
        <translation>购买次数</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/interaction_dialog.py" line="+38"/>
        <source>Log interaction: %1</source>
        <translation>记录沟通：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Follow up on</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark done</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of %2: %3 (due %4)</source>
        <translation>%2 的%1：%3（%4 到期）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A summary is required</source>
        <translation>请填写摘要</translation>
    </message>
</context>
<context>
    <name>InteractionTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/models.py" line="+152"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>open, due %1</source>
        <translation>待随访，%1 到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <location filename="../../pharmadesk/ui/kpi_cards.py" line="+103"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (only partly on record): %2</source>
        <translation>%1（仅部分有记录）：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no comparison</source>
        <translation>无可比数据</translation>
    </message>
</context>
<context>
    <name>KpiCards</name>
    <message>
        <location line="-76"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sum of every purchase line in the period.</source>
        <translation>期间内所有购药明细金额之和。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transactions</source>
        <translation>交易笔数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipts in the period; where a line has no receipt number, one customer&apos;s lines on one day.</source>
        <translation>期间内的小票数；没有小票号的，同一顾客同一天的购买记为一笔。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers served</source>
        <translation>到店顾客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers with a transaction in the period.</source>
        <translation>期间内有交易的顾客。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New customers</source>
        <translation>新顾客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers whose first transaction ever falls in the period.</source>
        <translation>第一笔交易发生在期间内的顾客。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Average basket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue divided by transactions.</source>
        <translation>销售额除以交易笔数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the customers served who have transactions on at least two different days in a month; for a longer period, counted month by month. The change is in percentage points.</source>
        <translation>到店顾客中，在同一个月内至少两个不同日子有交易的比例；期间长于一个月时按月计算。变化以百分点表示。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Average rating</source>
        <translation>平均评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average of the ratings (1-5) of the interactions logged in the period.</source>
        <translation>期间内沟通记录评分（1-5）的平均值。</translation>
    </message>
</context>
<context>
    <name>LayoutEditorDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/card_layout_editor.py" line="+77"/>
        <source>Card layout</source>
        <translation>卡片版式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open a sample card…</source>
        <translation>打开样卡(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save layout</source>
        <translation>保存版式(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a sample card, choose a field, then drag a rectangle over its value.</source>
        <translation>打开一张样卡，选择一个字段，然后在其填写内容上拖出一个矩形框。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saved layouts:</source>
        <translation>已保存的版式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fields (drag over the value of the one chosen):</source>
        <translation>字段（在所选字段的填写内容上拖框）：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open a sample card</source>
        <translation>打开样卡</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>扫描件 (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the sample card…</source>
        <translation>正在识别样卡…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed labels found: %1.</source>
        <translation>找到的印刷标签：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No printed labels were found: the areas are kept as parts of the page.</source>
        <translation>未找到印刷标签：各区域将按其在页面上的位置保存。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 (drawn)</source>
        <translation>%1（已框选）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(a new layout)</source>
        <translation>（新版式）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Give the layout a name first.</source>
        <translation>请先为版式命名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draw the area of at least one field first.</source>
        <translation>请先框选至少一个字段的区域。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replace layout</source>
        <translation>替换版式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A layout named “%1” is saved already. Replace it with this one?</source>
        <translation>已保存名为“%1”的版式。要用当前版式替换它吗？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Layout “%1” saved.</source>
        <translation>版式“%1”已保存。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete layout</source>
        <translation>删除版式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the layout “%1”? Cards imported with it keep their values.</source>
        <translation>删除版式“%1”？用它导入的卡片内容不受影响。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Layout “%1” deleted.</source>
        <translation>版式“%1”已删除。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Close the layout editor</source>
        <translation>关闭版式编辑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The areas drawn are not saved as a layout yet. Close and lose them?</source>
        <translation>框选的区域尚未保存为版式。仍要关闭并丢弃它们吗？</translation>
    </message>
</context>
<context>
    <name>LeftDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/stale_review.py" line="+118"/>
        <source>Moved away</source>
        <translation>已搬走</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark %1 as moved away?</source>
        <translation>将 %1 标记为已搬走？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark %1 as deceased?</source>
        <translation>将 %1 标记为已故？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They will no longer be contacted or reminded. This can be undone.</source>
        <translation>此后不再联系或提醒该顾客。此操作可以撤销。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Since:</source>
        <translation>搬走日期(&amp;S)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Date of death:</source>
        <translation>去世日期(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../pharmadesk/ui/lock_screen.py" line="+43"/>
        <source>PharmaDesk is locked</source>
        <translation>PharmaDesk 已锁定</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pharmacy: %1</source>
        <translation>药店：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File: %1</source>
        <translation>数据文件：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Finishing a task in the background (an import or export)…</source>
        <translation>正在后台完成一项任务（导入或导出），完成后即可解锁…</translation>
    </message>
</context>
<context>
    <name>LoyaltyRulesDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/loyalty_rules_dialog.py" line="+58"/>
        <source>The first tier must start at ¥0.</source>
        <translation>第一个等级必须从 ¥0 起。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each tier must start above the one before.</source>
        <translation>每个等级的起点必须高于上一个等级。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two tiers have the same name.</source>
        <translation>有两个等级名称相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A tier&apos;s discount must be 0 to %1 %.</source>
        <translation>等级折扣必须在 0 到 %1% 之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every tier needs a name.</source>
        <translation>每个等级都需要名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A point needs a spend of ¥0.01 to ¥1,000.</source>
        <translation>每 1 积分所需消费须在 ¥0.01 到 ¥1,000 之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Points can be kept 0 to %1 years.</source>
        <translation>积分有效期只能为 0 到 %1 年。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>¥1 off must cost 1 to 100,000 points.</source>
        <translation>抵扣 ¥1 所需积分须在 1 到 100,000 之间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The tiers cannot be saved like this.</source>
        <translation>会员等级无法按此保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules cannot be changed for days that have passed.</source>
        <translation>不能修改已经过去的日期的规则。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Points never expire</source>
        <translation>积分永不过期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usable until 31 December of the year earned</source>
        <translation>可使用至获得当年的 12 月 31 日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usable until 31 December of the year after</source>
        <translation>可使用至获得次年的 12 月 31 日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usable until 31 December, %1 years after the year earned</source>
        <translation>可使用至获得后第 %1 年的 12 月 31 日</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(%1 % off)</source>
        <translation>（%2折）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no points for %1</source>
        <translation>%1不积分</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 point per ¥%1</source>
        <translation>每消费 ¥%1 得 1 积分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 points take ¥1 off</source>
        <translation>%1 积分抵 ¥1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Loyalty rules saved; they apply from %1</source>
        <translation>积分规则已保存，自 %1 起生效</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Loyalty rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A change applies from its day on: points already earned, redeemed or expired are never changed.</source>
        <translation>修改自生效日起适用：已获得、已使用或已过期的积分都不会被改动。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Spend for 1 point</source>
        <translation>每 1 积分消费(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories that earn &amp;no points</source>
        <translation>不积分的类别(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Expiry</source>
        <translation>有效期(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member &amp;tiers</source>
        <translation>会员等级(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Points for ¥1 off</source>
        <translation>抵扣 ¥1 所需积分(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Applies from</source>
        <translation>生效日期(&amp;A)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From ¥ (12-month spend)</source>
        <translation>起点 ¥（近 12 个月消费）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A&amp;dd tier</source>
        <translation>添加等级(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove tier</source>
        <translation>删除等级(&amp;R)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>In force: the default rules.</source>
        <translation>当前生效：默认规则。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In force since %1:</source>
        <translation>自 %1 起生效：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved to apply from %1:</source>
        <translation>已保存，将自 %1 起生效：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No product categories yet</source>
        <translation>暂无商品类别</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The first tier starts at ¥0</source>
        <translation>第一个等级从 ¥0 起</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: every tier needs a name.</source>
        <translation>%1：每个等级都需要名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the spend must be an amount in yuan, like 1000.</source>
        <translation>%1：消费起点须为以元计的金额，例如 1000。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the discount must be a whole percentage, like 5.</source>
        <translation>%1：折扣须为整数百分比，例如 5。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>From %1 on: %2</source>
        <translation>自 %1 起：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instead of: %1</source>
        <translation>原为：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save these rules?</source>
        <translation>保存这些规则吗？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the loyalty rules</source>
        <translation>保存积分规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/main_menus.py" line="+105"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add purchase…</source>
        <translation>添加购药记录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log interaction…</source>
        <translation>记录沟通…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-ups</source>
        <translation>待随访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All purchases</source>
        <translation>全部购药记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Custom fields…</source>
        <translation>自定义字段…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accounts…</source>
        <translation>账户管理…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Only the owner can change custom fields</source>
        <translation>只有店主可以修改自定义字段</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loyalty rules…</source>
        <translation>积分规则…</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../pharmadesk/ui/window_openers.py" line="+316"/>
        <source>Import scanned cards…</source>
        <translation>导入扫描卡片…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import history…</source>
        <translation>导入记录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to Excel…</source>
        <translation>导出为电子表格…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dashboard</source>
        <translation>经营看板</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export this customer&apos;s data…</source>
        <translation>导出该客户的数据…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erase on request…</source>
        <translation>应客户要求删除…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retention review…</source>
        <translation>保存期限审查…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Real-name register…</source>
        <translation>实名登记…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Controlled medicines…</source>
        <translation>含麻黄碱类药品…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message templates…</source>
        <translation>消息模板…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate customers…</source>
        <translation>重复客户…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review stale records…</source>
        <translation>核对过期资料…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data quality…</source>
        <translation>资料质量…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge history…</source>
        <translation>合并记录…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Only the owner and pharmacists see the dashboard</source>
        <translation>只有店主和药师可以查看经营看板</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the owner and pharmacists can export</source>
        <translation>只有店主和药师可以导出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the owner sets the loyalty rules</source>
        <translation>只有店主可以设置积分规则</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner manages accounts</source>
        <translation>只有店主可以管理账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner can see the audit log</source>
        <translation>只有店主可以查看审计日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account may not make backups</source>
        <translation>此账号不能备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner can restore a backup</source>
        <translation>只有店主可以恢复备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner can export a customer&apos;s data</source>
        <translation>只有店主可以导出客户的数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner can erase a customer</source>
        <translation>只有店主可以删除客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner reviews how long data is kept</source>
        <translation>只有店主可以审查数据保存期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner and pharmacists merge customers</source>
        <translation>只有店主和药师可以合并客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the owner and pharmacists see the data quality</source>
        <translation>只有店主和药师可以查看资料质量</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/window_openers.py" line="-85"/>
        <source>Cannot merge</source>
        <translation>无法合并</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Merged; Customer &gt; Merge history… undoes it</source>
        <translation>已合并；可在“客户 &gt; 合并记录…”中撤销</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/main_window.py" line="+295"/>
        <source>%1 · %2 · %3 · signed in as %4</source>
        <translation>%1 · %2 · %3 · 当前用户 %4</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln open follow-up(s)</source>
        <translation>
            <numerusform>%Ln 条待随访</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer has unsaved changes. Save them?</source>
        <translation>该客户有未保存的更改，是否保存？</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Please correct the marked fields first</source>
        <translation>请先更正标出的错误项</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+51"/>
        <location line="+12"/>
        <location filename="../../pharmadesk/ui/window_openers.py" line="-24"/>
        <source>Not saved</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Possible duplicate</source>
        <translation>可能重复建档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This customer may already be on file (same mobile, or same name and birth date):</source>
        <translation>该客户可能已建档（手机号相同，或姓名和出生日期相同）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open existing</source>
        <translation>打开已有客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location line="+241"/>
        <source>The form was not saved before the lock; it is back as it was. Check it and save (Ctrl+S).</source>
        <translation>锁定前表单尚未保存，现已原样恢复。请核对后保存（Ctrl+S）。</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/window_openers.py" line="-28"/>
        <source>A purchase being entered was not saved.</source>
        <translation>正在录入的购药记录没有保存。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>An interaction being entered was not saved.</source>
        <translation>正在录入的沟通记录没有保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Interaction saved</source>
        <translation>沟通记录已保存</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>The window locked during the check of scanned cards: the cards accepted there (%1) were not imported. Open File &gt; Import scanned cards… again.</source>
        <translation>核对扫描卡片时窗口已锁定：在那里确认的卡片（%1 张）未导入。请重新打开“文件 &gt; 导入扫描卡片…”。</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/main_window.py" line="-214"/>
        <source>Details confirmed</source>
        <translation>资料已核对</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Moved or deceased mark undone</source>
        <translation>已撤销“已搬走/已故”标记</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/window_openers.py" line="-13"/>
        <source>An import finished while the window was locked.</source>
        <translation>窗口锁定期间，一次导入已经完成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An import was cancelled; nothing was written.</source>
        <translation>一次导入已取消，没有写入任何数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An import failed while the window was locked; nothing was written.</source>
        <translation>窗口锁定期间，一次导入失败，没有写入任何数据。</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>The customer was erased.</source>
        <translation>该客户已删除。</translation>
    </message>
    <message>
        <location filename="../../pharmadesk/ui/main_window.py" line="+47"/>
        <source>Locked.</source>
        <translation>已锁定。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Locked after the idle time.</source>
        <translation>闲置时间已到，已自动锁定。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Locked with the computer&apos;s session.</source>
        <translation>电脑已锁屏，本程序随之锁定。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1&apos;s new customer was not saved.</source>
        <translation>%1 正在新建的客户没有保存。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1&apos;s unsaved changes to %2 were discarded.</source>
        <translation>%1 对 %2 尚未保存的修改已放弃。</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>While the window was locked</source>
        <translation>窗口锁定期间</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/merge_dialog.py" line="+50"/>
        <source>%1 (year only)</source>
        <translation>%1（仅年份）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Staff cannot merge customers: a pharmacist or the owner can.</source>
        <translation>店员不能合并客户：请药师或店主操作。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+221"/>
        <location line="+10"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Choose the record that stays and, for each field, the value it keeps. Purchases, interactions, points and consents all move to it.</source>
        <translation>请选择保留的档案，并为每个字段选择保留的值。购买记录、沟通记录、积分和同意记录都会转到保留的档案。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keep record</source>
        <translation>保留档案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Consents</source>
        <translation>同意</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Registered %1</source>
        <translation>登记于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last confirmed %1</source>
        <translation>最近确认 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+67"/>
        <source>%Ln purchase line(s)</source>
        <translation>
            <numerusform>%Ln 条购买记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-66"/>
        <location line="+68"/>
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln 积分</numerusform>
        </translation>
    </message>
    <message>
        <location line="-49"/>
        <source>All: %1</source>
        <translation>全部保留：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(the newest record of each purpose counts)</source>
        <translation>（每项以最新的记录为准）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Moving to the record kept: %1, %2, %3 and %4.</source>
        <translation>将转到保留档案：%1、%2、%3和%4。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln 条沟通记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln consent record(s)</source>
        <translation>
            <numerusform>%Ln 条同意记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln real-name register line(s) stay with the record they were written on.</source>
        <translation>
            <numerusform>%Ln 条实名登记记录仍留在登记时的档案上。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The member code changes from %1 to %2: %1 will no longer find this customer.</source>
        <translation>会员号将从 %1 改为 %2：用 %1 将查不到此客户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The record kept takes the member code %1.</source>
        <translation>保留的档案将使用会员号 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Merge %Ln other record(s) into %1 (#%2)?</source>
        <translation>
            <numerusform>将另外 %Ln 份档案合并到 %1（#%2）？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The other records are hidden, not deleted: the merge can be undone from this customer&apos;s merge history.</source>
        <translation>其他档案只是隐藏，不会删除：可在该客户的合并记录中撤销合并。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>MergeHistoryDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/merge_history.py" line="+42"/>
        <source>Merge history</source>
        <translation>合并记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merged on</source>
        <translation>合并时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged by</source>
        <translation>合并人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records merged in</source>
        <translation>并入的档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved</source>
        <translation>转移内容</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Unmerge…</source>
        <translation>撤销合并(&amp;U)…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No customer has been merged into this one.</source>
        <translation>没有客户并入此档案。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location line="+60"/>
        <source>%Ln purchase line(s)</source>
        <translation>
            <numerusform>%Ln 条购买记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-59"/>
        <location line="+61"/>
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln 条沟通记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-60"/>
        <location line="+62"/>
        <source>%Ln points entry(-ies)</source>
        <translation>
            <numerusform>%Ln 条积分记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-61"/>
        <location line="+63"/>
        <source>%Ln consent record(s)</source>
        <translation>
            <numerusform>%Ln 条同意记录</numerusform>
        </translation>
    </message>
    <message>
        <location line="-58"/>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undone %1 %2</source>
        <translation>已于 %1 由 %2 撤销</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Undo this merge? The %n record(s) merged in (%1) come(s) back as separate customers, as they were before the merge, and what moved from them moves back. Purchases and other entries added to this customer since the merge stay here.</source>
        <translation>
            <numerusform>撤销此次合并？并入的 %n 份档案（%1）将恢复为单独的客户，与合并前完全一致，从其转来的内容也会转回。合并后新增到此客户的购买和其他记录仍留在此客户。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%Ln scanned card page(s)</source>
        <translation>
            <numerusform>%Ln 页扫描卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>this customer would be %n point(s) short</source>
        <translation>
            <numerusform>此客户将差 %n 积分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>customer #%1 would be %n point(s) short</source>
        <translation>
            <numerusform>客户 #%1 将差 %n 积分</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The merge was not undone: points have been spent since the merge, and with the points entries moved back %1. Correct the points first (a points adjustment), then undo the merge.</source>
        <translation>未撤销合并：合并后已使用了积分，积分记录转回后%1。请先更正积分（积分调整），再撤销合并。</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+2"/>
        <source>Unmerge</source>
        <translation>撤销合并</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Merge undone: %Ln record(s) restored.</source>
        <translation>
            <numerusform>已撤销合并：恢复了 %Ln 份档案。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln reminder state(s)</source>
        <translation>
            <numerusform>%Ln 条提醒状态</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added since the merge, staying with this customer: %1.</source>
        <translation>合并后新增、留在此客户的：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed since the merge, kept as they are now: %1.</source>
        <translation>合并后修改过、保持现值的字段：%1。</translation>
    </message>
</context>
<context>
    <name>NewFieldDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/custom_fields_dialog.py" line="-134"/>
        <source>New custom field</source>
        <translation>新建自定义字段</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>For a choice: options separated by commas</source>
        <translation>“选项”类型：各选项之间用逗号分隔</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choices</source>
        <translation>可选项</translation>
    </message>
</context>
<context>
    <name>OnFileBanner</name>
    <message>
        <location filename="../../pharmadesk/ui/card_on_file.py" line="+62"/>
        <source>Customers on file could not be compared: %1</source>
        <translation>未能与已有顾客比对：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Possibly already on file: %1. The preview lets you merge or keep apart.</source>
        <translation>可能已有此顾客：%1。可在预览中选择合并或分开保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PageImageView</name>
    <message>
        <location filename="../../pharmadesk/ui/card_page_dialog.py" line="+9"/>
        <source>&amp;Fit</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;100%</source>
        <translation>100%(&amp;1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole card in the window</source>
        <translation>在窗口中显示整张卡片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One pixel of the scan to one pixel of the screen</source>
        <translation>按原始大小显示（扫描件一个像素对应屏幕一个像素）</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../pharmadesk/ui/period_picker.py" line="+37"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1-%2</source>
        <comment>year-month</comment>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 Q%2</source>
        <comment>year and quarter</comment>
        <translation>%1年第%2季度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous period (Alt+Left)</source>
        <translation>上一期（Alt+←）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next period (Alt+Right)</source>
        <translation>下一期（Alt+→）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 (to date)</source>
        <translation>%1（截至今日）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>compared with %1</source>
        <translation>对比 %1</translation>
    </message>
</context>
<context>
    <name>PharmaDesk</name>
    <message>
        <location filename="../../pharmadesk/app.py" line="+161"/>
        <source>%1 is open in another PharmaDesk. Close it first.</source>
        <translation>%1 已在另一个 PharmaDesk 中打开，请先关闭它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is in use by PharmaDesk (%2, account %3, process %4, since %5). Close it first.</source>
        <translation>%1 正由 PharmaDesk 使用（%2，账户 %3，进程 %4，自 %5 起），请先关闭它。</translation>
    </message>
</context>
<context>
    <name>PointsExpiry</name>
    <message numerus="yes">
        <location filename="../../pharmadesk/ui/points_expiry.py" line="+118"/>
        <source>%n customers&apos; points expired</source>
        <translation>
            <numerusform>%n 位顾客的积分已过期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expired points could not be written off: %1</source>
        <translation>过期积分未能清除：%1</translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <location filename="../../pharmadesk/ui/points_model.py" line="+33"/>
        <source>Standard</source>
        <translation>普通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+72"/>
        <source>Opening balance</source>
        <translation>期初积分</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Earned</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeemed</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correction</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>receipt %1 of %2</source>
        <translation>%2 小票 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>purchase of %1</source>
        <translation>%1 购买</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Earned on %1</source>
        <translation>消费获得：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Redeemed on %1</source>
        <translation>抵扣于：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 off</source>
        <translation>抵 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opening balance from import batch %1</source>
        <translation>导入批次 %1 的期初积分</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import batch %1 undone: its opening balance reversed</source>
        <translation>导入批次 %1 已撤销：其期初积分已冲销</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reverses an earlier entry</source>
        <translation>冲销先前的记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expired: points usable until %1</source>
        <translation>过期：可用至 %1 的积分</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expired: points earned in %1, usable until %2</source>
        <translation>过期：%1 年获得、可用至 %2 的积分</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Automatic</source>
        <translation>系统自动</translation>
    </message>
</context>
<context>
    <name>PointsPanel</name>
    <message>
        <location filename="../../pharmadesk/ui/points_panel.py" line="-100"/>
        <source>%1 · %2 % member discount</source>
        <translation>%1 · 会员 %3 折</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 points expire on %2</source>
        <translation>%1 积分将于 %2 过期</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Points %1 · %2</source>
        <translation>积分 %1 · %2</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12-month spend</source>
        <translation>近12个月消费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiring within 30 days</source>
        <translation>30天内过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct points…</source>
        <translation>调整积分…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · the highest tier</source>
        <translation>%1 · 已是最高等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 more for %3</source>
        <translation>%1 · 再消费 %2 可升为%3</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../pharmadesk/ui/import_preview_page.py" line="+46"/>
        <source>Check before importing</source>
        <translation>导入前核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has been written yet.</source>
        <translation>目前尚未写入任何数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import it a&amp;gain</source>
        <translation>仍要再次导入(&amp;G)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merge this r&amp;ow</source>
        <translation>合并此行(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As a new &amp;customer</source>
        <translation>设为新客户(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip &amp;this row</source>
        <translation>跳过此行(&amp;T)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>When a row is a customer already on file</source>
        <translation>某行与已建档客户为同一人时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Merge: fill the customer&apos;s empty fields, never overwrite</source>
        <translation>合并(&amp;M)：只补填该客户的空白字段，不覆盖已有内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep the existing customer and skip the row</source>
        <translation>保留已有客户，跳过该行(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new customer &amp;anyway</source>
        <translation>仍然新建客户(&amp;A)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>What the import will do (nothing is written yet)</source>
        <translation>导入后的结果（尚未写入）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported, but the same or a similar name is on file or earlier in the file: check them, and merge by hand where it is the same person</source>
        <translation>已导入，但已建档客户或文件前面的行中有同名或相近的姓名：请核对，确是同一人的请手动合并</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names to check:</source>
        <translation>姓名待核对：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every row not simply imported</source>
        <translation>所有未直接导入的行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names to check</source>
        <translation>姓名待核对</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Selected row:</source>
        <translation>所选行：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>On file</source>
        <translation>已建档客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This row</source>
        <translation>本行</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Row %1 · %2</source>
        <translation>第 %1 行 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row %1 · %2: %3</source>
        <translation>第 %1 行 · %2：%3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter does not import: press Import (Alt+I) to write these rows.</source>
        <translation>回车键不会导入：请按“导入”按钮（Alt+I）写入这些行。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Checking every row…</source>
        <translation>正在逐行核对…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%Ln data row(s) checked.</source>
        <translation>
            <numerusform>已核对 %Ln 行数据。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This file was imported before (batch %1). Import it again only on purpose.</source>
        <translation>此文件以前导入过（批次 %1）。除非确有需要，请勿再次导入。</translation>
    </message>
</context>
<context>
    <name>PrivacyDialogs</name>
    <message>
        <location filename="../../pharmadesk/ui/privacy_dialogs.py" line="-338"/>
        <source>Another part of PharmaDesk was reading the pharmacy file at that moment, so the erased data is still in the file&apos;s encrypted journal. It is cleared there at the next checkpoint, at the latest when PharmaDesk closes.</source>
        <translation>当时 PharmaDesk 的另一部分正在读取药店文件，因此已删除的数据仍留在该文件的加密日志中。它会在下一次检查点时从日志中清除，最迟在 PharmaDesk 关闭时。</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Backups made before now still hold the old data until they rotate out (7 daily, 4 weekly and 12 monthly backups are kept), as do the copies kept aside before an upgrade or a restore until they are deleted. A backup restored later brings the customer back: erase them again then.</source>
        <translation>此前的备份仍保留旧数据，直到按轮换规则被删除（保留 7 份每日、4 份每周和 12 份每月备份）；升级或恢复前另存的副本在被删除之前也保留旧数据。以后若恢复这样的备份，该客户会重新出现，届时请再次删除。</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/purchase_dialog.py" line="+141"/>
        <source>Add purchase: %1</source>
        <translation>添加购药记录：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Allergies: %1</source>
        <translation>过敏史：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chronic conditions: %1</source>
        <translation>慢性病：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+128"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Receipt number (optional)</source>
        <translation>小票号（选填）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total to pay</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Points earned</source>
        <translation>本单积分</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Product name, pinyin initials or barcode</source>
        <translation>商品名称、拼音首字母或条码</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unit price ¥</source>
        <translation>单价 ¥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add line</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>List total</source>
        <translation>原价合计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redeem points</source>
        <translation>积分抵扣(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Member discount %1 %</source>
        <translation>会员 %2 折</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Purchase saved</source>
        <translation>购买已保存</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>+%n point(s)</source>
        <translation>
            <numerusform>+%n 积分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n point(s) redeemed</source>
        <translation>
            <numerusform>已抵扣 %n 积分</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No product matches %1. Enter again to add it as a new product.</source>
        <translation>没有匹配 %1 的商品。再按一次回车，将其作为新商品添加。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New product: %1</source>
        <translation>新商品：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%Ln products match: choose one (↑↓, Enter)</source>
        <translation>
            <numerusform>有 %Ln 个商品符合：请选择一个（↑↓，回车）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-16"/>
        <source>%Ln product(s) match: ↓ to choose, or go on typing</source>
        <translation>
            <numerusform>%Ln 种商品匹配：按 ↓ 选择，或继续输入</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Enter the unit price</source>
        <translation>请输入单价</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Possible allergy</source>
        <translation>可能过敏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 may touch the customer&apos;s recorded allergy: %2.

Add it anyway?</source>
        <translation>%1 可能与该客户记录的过敏史有关：%2。

仍要添加吗？</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>At most %1 points can be redeemed on this receipt.</source>
        <translation>本单最多可抵扣 %1 积分。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>= %1 off · balance %2 · at most %3</source>
        <translation>= 抵 %1 · 余额 %2 · 最多 %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add at least one line</source>
        <translation>请至少添加一项商品</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>PurchaseFilterBar</name>
    <message>
        <location filename="../../pharmadesk/ui/purchase_filter.py" line="+26"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not a date</source>
        <translation>日期无法识别</translation>
    </message>
</context>
<context>
    <name>PurchaseTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/models.py" line="-160"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running total</source>
        <translation>累计金额</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
</context>
<context>
    <name>QualityMembersModel</name>
    <message>
        <location filename="../../pharmadesk/ui/quality_panel.py" line="+157"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Born</source>
        <translation>出生</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data consent</source>
        <translation>个人信息同意</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last confirmed</source>
        <translation>上次核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>about %1</source>
        <translation>约 %1 年</translation>
    </message>
</context>
<context>
    <name>QualityPairsModel</name>
    <message>
        <location line="+13"/>
        <source>Level</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other customer</source>
        <translation>另一位顾客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certain</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Strong</source>
        <translation>很可能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible</source>
        <translation>可能</translation>
    </message>
</context>
<context>
    <name>QualityPanel</name>
    <message>
        <location line="-143"/>
        <source>Without a mobile</source>
        <translation>没有手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth year only</source>
        <translation>只有出生年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent not confirmed</source>
        <translation>未确认同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details not confirmed</source>
        <translation>资料未核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspected duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers with no mobile number.</source>
        <translation>没有手机号的顾客。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers whose birth year was worked out from an age.</source>
        <translation>出生年份是按年龄推算的顾客。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers with no data consent on record, or a paper card&apos;s not yet confirmed.</source>
        <translation>没有个人信息处理同意记录，或纸质登记卡上的同意尚未确认的顾客。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customers whose details were not confirmed for longer than the stale-record setting.</source>
        <translation>资料超过核对期限未确认的顾客。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pairs of records the duplicate finder thinks may be one person (pairs marked as not the same person are left out).</source>
        <translation>查重认为可能是同一人的档案对（已标记为“不是同一人”的不计入）。</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Data quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Not confirmed for over %Ln month(s)</source>
        <translation>
            <numerusform>超过 %Ln 个月未核对</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%Ln customer(s) looked at.</source>
        <translation>
            <numerusform>共统计 %Ln 位顾客。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复档案…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The figures could not be loaded: %1</source>
        <translation>无法载入统计：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: still looking…</source>
        <translation>%1：仍在查找…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: loading…</source>
        <translation>%1：正在载入…</translation>
    </message>
</context>
<context>
    <name>ReadingProgress</name>
    <message numerus="yes">
        <location filename="../../pharmadesk/ui/card_list.py" line="+33"/>
        <source>Reading stopped: %1 of %Ln card(s) read.</source>
        <translation>
            <numerusform>已停止识别：%Ln 张卡片中已识别 %1 张。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading card %1 of %2</source>
        <translation>正在识别第 %1 张，共 %2 张</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>All %Ln card(s) read.</source>
        <translation>
            <numerusform>%Ln 张卡片已全部识别。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the &amp;rest</source>
        <translation>识别其余卡片(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop reading</source>
        <translation>停止识别(&amp;S)</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="+15"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New recovery code</source>
        <translation>新的恢复码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write down or print this recovery code and keep it somewhere safe, away from this PC. It is shown only now, and it is the only way back in if every owner password is lost.</source>
        <translation>请抄下或打印此恢复码，并存放在远离这台电脑的安全地方。它只显示这一次；所有店主密码都遗失时，只能靠它重新进入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The old recovery code no longer works.</source>
        <translation>旧的恢复码已失效。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PharmaDesk recovery code</source>
        <translation>PharmaDesk 恢复码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this page somewhere safe, away from the PC. With this code a new owner password can be set (pharmadesk users recover). A newer code replaces it.</source>
        <translation>请把这一页存放在远离电脑的安全地方。凭此恢复码可以重新设置店主密码（pharmadesk users recover）。生成新的恢复码后，此码即失效。</translation>
    </message>
</context>
<context>
    <name>RefillTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/refills_tab.py" line="+85"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>药品/品类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last call</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RefillsTab</name>
    <message>
        <location line="+78"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Due within the &amp;next</source>
        <translation>未来(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Call…</source>
        <translation>致电(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Snooze…</source>
        <translation>推迟(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Do not remind</source>
        <translation>不再提醒(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open customer</source>
        <translation>打开顾客(&amp;O)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The reminders could not be loaded: %1</source>
        <translation>无法加载提醒：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%Ln reminder(s) listed</source>
        <translation>
            <numerusform>共 %Ln 条提醒</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Refill reminder about %1: %2</source>
        <translation>续药提醒（%1）：%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Snooze</source>
        <translation>推迟提醒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show this reminder again in how many days?</source>
        <translation>几天后再次提醒？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Do not remind</source>
        <translation>不再提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never remind %1 of %2 again?</source>
        <translation>以后不再提醒 %1 购买 %2？</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>RegisterGroup</name>
    <message>
        <location filename="../../pharmadesk/ui/register_group.py" line="+55"/>
        <source>Real-name register</source>
        <translation>实名登记</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Controlled medicine: the law requires the buyer&apos;s name and ID number.</source>
        <translation>含麻黄碱类复方制剂：依规须登记购买人姓名和身份证号。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>18 characters, as on the ID card</source>
        <translation>18 位，与身份证一致</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Buyer&apos;s &amp;name</source>
        <translation>购买人姓名(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Why this sale needs more packs</source>
        <translation>本次需要超量购买的原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Override &amp;reason</source>
        <translation>超量原因(&amp;R)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Batch of %1 × %2</source>
        <translation>%1 × %2 的批号</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: more than %2 packs per sale. Give the reason to go over the limit.</source>
        <translation>%1：超过每次限购 %2 个最小包装，请填写超量原因。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: more than %2 packs per sale needs a pharmacist&apos;s approval.</source>
        <translation>%1：超过每次限购 %2 个最小包装，须由药师批准。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of 18 characters</source>
        <translation>已输入 %1 位，共 18 位</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Valid ID number (born %1)</source>
        <translation>身份证号有效（出生于 %1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the buyer&apos;s ID number.</source>
        <translation>请输入购买人的身份证号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An ID number has 18 characters; this one has %1.</source>
        <translation>身份证号应为 18 位，当前为 %1 位。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An ID number is 17 digits, then a digit or X.</source>
        <translation>身份证号为 17 位数字加 1 位数字或 X。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters 7 to 14 are not a possible birth date.</source>
        <translation>第 7 至 14 位不是有效的出生日期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birth date in the ID number is before 1900.</source>
        <translation>身份证号中的出生日期早于 1900 年。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birth date in the ID number is in the future.</source>
        <translation>身份证号中的出生日期晚于今天。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The number does not add up: compare it with the ID card digit by digit.</source>
        <translation>身份证号校验不通过：请与身份证逐位核对。</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+29"/>
        <source>Enter the buyer&apos;s name as on the ID card.</source>
        <translation>请按身份证填写购买人姓名。</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Enter the batch number of %1.</source>
        <translation>请填写 %1 的批号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>A pharmacist must approve going over the limit.</source>
        <translation>超过限购数量须由药师批准。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Give the reason for going over the limit.</source>
        <translation>请填写超量购买的原因。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The buyer&apos;s ID number is missing or not valid.</source>
        <translation>购买人身份证号未填写或无效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each controlled line needs its batch number.</source>
        <translation>每一行含麻黄碱类药品都需要填写批号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>More than %1 packs per sale needs a pharmacist&apos;s reason.</source>
        <translation>每次超过 %1 个最小包装须由药师填写原因。</translation>
    </message>
</context>
<context>
    <name>RegisterWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/register_window.py" line="+53"/>
        <source>Real-name register</source>
        <translation>实名登记</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ID numbers are shown masked: only the owner sees them in full.</source>
        <translation>身份证号已部分隐藏：只有店主可以看到完整号码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sold</source>
        <translation>销售时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>药品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packs</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Buyer</source>
        <translation>购买人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Override reason</source>
        <translation>超量原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The first day comes after the last day.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Lines in the register: %1</source>
        <translation>登记记录：%1 条</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept under a legal obligation (customer erased)</source>
        <translation>依法保留（客户已删除）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Real-name register %1 to %2</source>
        <translation>实名登记 %1 至 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Export the register</source>
        <translation>导出实名登记</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Register lines exported: %1, to %2.</source>
        <translation>已导出 %1 条登记记录到 %2。</translation>
    </message>
</context>
<context>
    <name>RemindersWindow</name>
    <message>
        <location filename="../../pharmadesk/ui/reminders_window.py" line="+38"/>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Refills due</source>
        <translation>到期续购(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birthdays</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Win-back</source>
        <translation>挽回客户(&amp;W)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/backup_dialogs.py" line="-268"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The current data is replaced by the backup&apos;s. It is not deleted: it is kept aside, next to the pharmacy file. Everyone signs in again afterwards.</source>
        <translation>当前数据将被备份中的数据替换。当前数据不会删除，而是另存在药房文件旁边。恢复后所有人需重新登录。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>an owner&apos;s password in the backup</source>
        <translation>备份中店主账号的密码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Backups in %1:</source>
        <translation>%1 中的备份：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No backups found there. Choose a backup file.</source>
        <translation>那里没有找到备份。请选择一个备份文件。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a backup file</source>
        <translation>选择备份文件</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/retention_dialog.py" line="+89"/>
        <location line="+194"/>
        <source>Retention review</source>
        <translation>保存期限审查</translation>
    </message>
    <message>
        <location line="-166"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only changes this list. The pharmacy&apos;s setting is in Settings.</source>
        <translation>只改变此列表。药房的设置在“设置”中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customers with no activity for more than:</source>
        <translation>超过以下时间没有任何活动的客户：</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Anonymise selected…</source>
        <translation>匿名化所选客户(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading the customers…</source>
        <translation>正在读取客户…</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%Ln customer(s) inactive since before %1.</source>
        <translation>
            <numerusform>%Ln 位客户自 %1 之前起没有活动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%Ln selected</source>
        <translation>
            <numerusform>已选 %Ln 位</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking the chosen customers again…</source>
        <translation>正在重新核对所选客户…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None of them is inactive any more.</source>
        <translation>所选客户都已重新有活动。</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Anonymise %Ln customer(s)? This cannot be undone.</source>
        <translation>
            <numerusform>匿名化 %Ln 位客户？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> and %Ln more</source>
        <translation>
            <numerusform> 等另外 %Ln 位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln chosen customer(s) came back since the list was made and will be left alone.</source>
        <translation>
            <numerusform>列表生成后有 %Ln 位所选客户重新有活动，将不做处理。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anonymise</source>
        <translation>匿名化</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Anonymising…</source>
        <translation>正在匿名化…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopping after the current customer…</source>
        <translation>处理完当前客户后停止…</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%Ln customer(s) anonymised.</source>
        <translation>
            <numerusform>已匿名化 %Ln 位客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="-109"/>
        <source>Change the role of %1</source>
        <translation>更改 %1 的角色</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RowPlanTableModel</name>
    <message>
        <location filename="../../pharmadesk/ui/import_preview_model.py" line="+31"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row content</source>
        <translation>行内容</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../pharmadesk/ui/search_panel.py" line="+46"/>
        <source>Mobile, last 4 digits, name, pinyin or member code</source>
        <translation>手机号、手机后4位、姓名、拼音或会员号</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n customer(s) found</source>
        <translation>
            <numerusform>找到 %n 位客户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No customer found</source>
        <translation>未找到客户</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/accounts_dialog.py" line="+6"/>
        <source>New password for %1</source>
        <translation>为 %1 设置新密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;peat password</source>
        <translation>再次输入密码(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/settings_dialog.py" line="+52"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the &amp;image of each scanned card</source>
        <translation>保存每张扫描卡片的图像(&amp;I)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies from the next start.</source>
        <translation>更改的语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Only the owner chooses the backup folder</source>
        <translation>只有店主可以选择备份文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+64"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last backup</source>
        <translation>上次备份</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Consents recorded from now on name this version of the privacy notice</source>
        <translation>此后记录的各项同意将注明此告知书版本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the owner sets the notice version</source>
        <translation>只有店主可以设置告知书版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Privacy notice version</source>
        <translation>隐私告知书版本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Customers with no purchase or contact for longer are listed in the retention review, to be anonymised</source>
        <translation>超过此期限没有购买或联系的客户会列入保存期限审查，以便匿名化</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only the owner sets how long customer data is kept</source>
        <translation>只有店主可以设置客户资料的保存期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep customer data for</source>
        <translation>客户资料保存期限</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only the owner chooses whether card images are kept</source>
        <translation>只有店主可以决定是否保存卡片图像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A card&apos;s image shows the customer&apos;s health data (allergies, chronic conditions). When kept, it is stored encrypted in the pharmacy file; otherwise only the file name and page are kept, and the scans stay where they are.</source>
        <translation>卡片图像含有顾客的健康信息（过敏史、慢性病）。保存时，图像加密存放在药店数据文件中；不保存时，只记下文件名和页码，扫描件仍留在原处。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scanned cards</source>
        <translation>扫描卡片</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The notice version is 1 to %1 characters.</source>
        <translation>告知书版本须为 1 至 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/start_dialogs.py" line="+172"/>
        <source>Set up your pharmacy</source>
        <translation>设置您的药店</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pharmacy name</source>
        <translation>药店名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Pharmacy file</source>
        <translation>药店数据文件</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Owner account</source>
        <translation>店主账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Moving from another PC? Restore your pharmacy from its backup file instead of creating a new one.</source>
        <translation>换了新电脑？请用原来药房的备份文件恢复，而不是新建药房。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Too weak: at least 8 characters of two kinds (letters, digits…)</source>
        <translation>密码太弱：至少 8 位，且包含两类字符（字母、数字等）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceptable; longer is stronger</source>
        <translation>可以使用；越长越安全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strong</source>
        <translation>密码强度高</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../../pharmadesk/ui/card_sources_page.py" line="+69"/>
        <source>Choose the scanned cards</source>
        <translation>选择扫描卡片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (PNG, JPEG, TIFF) or PDF files, one card a page, or folders of them.</source>
        <translation>图像（PNG、JPEG、TIFF）或 PDF 文件，每页一张卡片；也可以选择存放它们的文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a f&amp;older…</source>
        <translation>添加文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Define a layout from a sample card…</source>
        <translation>用样卡定义版式(&amp;D)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changing the scans or the layout reads the cards again: what was checked so far is forgotten.</source>
        <translation>更改扫描件或版式将重新识别卡片：已核对的内容会被清除。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Only the owner defines card layouts</source>
        <translation>只有店主可以定义卡片版式</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Layout:</source>
        <translation>版式(&amp;L)：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose scanned cards</source>
        <translation>选择扫描卡片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>扫描件 (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a folder of scanned cards</source>
        <translation>选择存放扫描卡片的文件夹</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Looking through the scans…</source>
        <translation>正在查看扫描件…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%Ln file(s)</source>
        <translation>
            <numerusform>%Ln 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 with %Ln card(s).</source>
        <translation>
            <numerusform>%1，共 %Ln 张卡片。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>By printed labels</source>
        <translation>按印刷标签</translation>
    </message>
</context>
<context>
    <name>StaleReviewModel</name>
    <message>
        <location filename="../../pharmadesk/ui/stale_review.py" line="-62"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last confirmed</source>
        <translation>上次核对</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Confirmed %1</source>
        <translation>%1 已核对</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moved %1</source>
        <translation>%1 已搬走</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deceased %1</source>
        <translation>%1 已故</translation>
    </message>
</context>
<context>
    <name>StaleReviewWindow</name>
    <message>
        <location line="+49"/>
        <location line="+192"/>
        <source>Review stale records</source>
        <translation>核对久未确认的档案</translation>
    </message>
    <message>
        <location line="-154"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask to confirm details after:</source>
        <translation>多久后请顾客核对资料：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Confirm</source>
        <translation>已核对(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Update…</source>
        <translation>修改资料(&amp;U)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Moved…</source>
        <translation>已搬走(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Deceased…</source>
        <translation>已故(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>U&amp;ndo</source>
        <translation>撤销(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload</source>
        <translation>重新载入(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Customers whose mobile and address were not confirmed for more than %Ln month(s), those who came in most recently first.</source>
        <translation>
            <numerusform>手机号和地址超过 %Ln 个月未核对的顾客，最近到店的排在前面。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln customer(s) to review.</source>
        <translation>
            <numerusform>%Ln 位顾客待核对。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The list could not be loaded: %1</source>
        <translation>无法载入列表：%1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Confirm</source>
        <translation>核对</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/backup_dialogs.py" line="-190"/>
        <location line="+19"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>It did not work: %1</source>
        <translation>未能完成：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pharmacy&apos;s data itself is not affected.</source>
        <translation>药房数据本身不受影响。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit anyway</source>
        <translation>仍然退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay open</source>
        <translation>暂不退出</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/templates_dialog.py" line="+41"/>
        <source>Refill reminder</source>
        <translation>续购提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday greeting</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win-back call</source>
        <translation>流失挽回回访</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>药品/品类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due day</source>
        <translation>预计用完日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy</source>
        <translation>药房名称</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+132"/>
        <location line="+50"/>
        <location line="+8"/>
        <source>Message templates</source>
        <translation>消息模板</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>&amp;Message</source>
        <translation>消息(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Insert:</source>
        <translation>插入：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A part in [square brackets] is left out when a placeholder in it is empty or 0, e.g. [You have {points} points.]</source>
        <translation>方括号 [ ] 内的文字在其中的占位符为空或为 0 时不显示，例如：[您有{points}积分。]</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name, mobile or member code</source>
        <translation>姓名、手机号或会员号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;ustomer</source>
        <translation>顾客(&amp;U)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Reset to default</source>
        <translation>恢复默认(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The template was changed but not saved. Discard the changes?</source>
        <translation>模板已修改但尚未保存。要放弃修改吗？</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Changed, not saved.</source>
        <translation>已修改，尚未保存。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The built-in template.</source>
        <translation>当前为内置模板。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pharmacy&apos;s own template.</source>
        <translation>当前为本店自定义模板。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The built-in template is back in the editor: Save keeps it.</source>
        <translation>编辑框已恢复为内置模板，点“保存”后生效。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The template was not saved: %1</source>
        <translation>模板未能保存：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A template cannot be empty.</source>
        <translation>模板不能为空。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A { or } belongs to no placeholder. Write {{ or }} for a brace itself.</source>
        <translation>有 { 或 } 不属于任何占位符。如需显示大括号本身，请写成 {{ 或 }}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown placeholder: %1.
The placeholders are: %2.</source>
        <translation>未知的占位符：%1。
可用的占位符有：%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template holds at most %1 characters.</source>
        <translation>模板最多 %1 个字符。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No preview: %1</source>
        <translation>无法预览：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find a customer above to see the message with their data.</source>
        <translation>在上方查找一位顾客，即可用其资料预览消息。</translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <location filename="../../pharmadesk/ui/unexpected.py" line="+23"/>
        <source>The details are in the log file: %1</source>
        <translation>详细信息见日志文件：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unexpected error (%1); please try again, and tell the owner if it happens again.</source>
        <translation>意外错误（%1）；请重试，如果再次发生，请告知店主。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../pharmadesk/ui/start_dialogs.py" line="-185"/>
        <source>Unlock PharmaDesk</source>
        <translation>解锁 PharmaDesk</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pharmacy file: %1</source>
        <translation>药店数据文件：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sign in to the restored pharmacy.</source>
        <translation>请登录恢复后的药房。</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Wrong user name or password. Please try again.</source>
        <translation>用户名或密码错误，请重试。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Too many wrong passwords. Try again in %1 s.</source>
        <translation>密码错误次数过多，请在 %1 秒后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many wrong passwords. Try again in %1 min.</source>
        <translation>密码错误次数过多，请在 %1 分钟后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The owner can lift the wait.</source>
        <translation>店主可以解除等待。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The pharmacy file cannot be opened: %1</source>
        <translation>无法打开药店数据文件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore it from your last backup.</source>
        <translation>请从最近一次备份恢复。</translation>
    </message>
</context>
<context>
    <name>WinbackTab</name>
    <message>
        <location filename="../../pharmadesk/ui/winback_tab.py" line="+124"/>
        <source>Customers at risk or lost by the lifecycle stages of the charts, who agreed to be contacted; the largest spend in the last 12 months first.</source>
        <translation>按图表的顾客生命周期阶段，列出有流失风险或已流失、且同意接受联系的顾客；近12个月消费额高的排在前面。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Call…</source>
        <translation>致电(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open customer</source>
        <translation>打开顾客(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <location line="+121"/>
        <source>%Ln customer(s) to win back.</source>
        <translation>
            <numerusform>共 %Ln 位顾客待挽回。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-115"/>
        <source>The list could not be loaded: %1</source>
        <translation>名单无法加载：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: last visit %2, %3 days ago.</source>
        <translation>%1：最近到店 %2，已过 %3 天。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Usually buys %1.</source>
        <translation>常买%1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 in the last 12 months.</source>
        <translation>近12个月消费 %1。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Win-back call: %1</source>
        <translation>挽回回访：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The call was not logged: %1</source>
        <translation>回访未能记录：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win-back call</source>
        <translation>挽回回访</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+5"/>
        <location line="+20"/>
        <source>Export the win-back list</source>
        <translation>导出流失挽回名单</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>win-back %1</source>
        <translation>流失挽回名单 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln customer(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %Ln 位顾客导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The list was not exported: %1</source>
        <translation>名单未能导出：%1</translation>
    </message>
</context>
<context>
    <name>WinbackTableModel</name>
    <message>
        <location line="-220"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days since</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last call</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usual categories</source>
        <translation>常买品类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>12-month value</source>
        <translation>近12个月消费额</translation>
    </message>
</context>
<context>
    <name>audit_labels</name>
    <message>
        <location filename="../../pharmadesk/ui/audit_labels.py" line="+16"/>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer file opened</source>
        <translation>打开客户档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scanned card image viewed</source>
        <translation>查看扫描卡片图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer changed</source>
        <translation>修改客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer details confirmed</source>
        <translation>确认客户信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer made inactive</source>
        <translation>停用客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer active again</source>
        <translation>重新启用客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as moved or deceased</source>
        <translation>标记为已搬走或已故</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved or deceased mark undone</source>
        <translation>已撤销搬走或已故标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers merged</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge undone</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not the same person</source>
        <translation>标记为不是同一人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not the same person undone</source>
        <translation>撤销“不是同一人”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer erased</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer anonymised</source>
        <translation>匿名化客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent recorded</source>
        <translation>记录同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent withdrawn</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase recorded</source>
        <translation>记录购买</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points corrected</source>
        <translation>积分更正</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points expired</source>
        <translation>积分过期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loyalty rules changed</source>
        <translation>积分规则已修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interaction logged</source>
        <translation>记录互动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up done</source>
        <translation>随访完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up reopened</source>
        <translation>重新打开随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday greeting logged</source>
        <translation>已记录生日祝福</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder ended: medicine stopped</source>
        <translation>提醒结束：已停药</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder ended: do not remind</source>
        <translation>提醒结束：不再提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder snoozed</source>
        <translation>提醒已推迟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder change undone</source>
        <translation>提醒更改已撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import undone</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import report saved</source>
        <translation>保存导入报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer list exported</source>
        <translation>导出客户名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s own data exported</source>
        <translation>已导出客户本人数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers listed (command line)</source>
        <translation>列出客户（命令行）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Win-back list exported</source>
        <translation>已导出流失挽回名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real-name register exported</source>
        <translation>导出实名登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-sale limit overridden</source>
        <translation>超过限购数量（药师批准）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Controlled flag changed</source>
        <translation>更改实名登记药品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit log exported</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account created</source>
        <translation>账户已创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account restored</source>
        <translation>账户已恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account removed</source>
        <translation>账户已删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role changed</source>
        <translation>角色已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password set by the owner</source>
        <translation>店主重设密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own password changed</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login wait lifted</source>
        <translation>解除登录等待</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New recovery code</source>
        <translation>更换恢复码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner password reset by recovery code</source>
        <translation>用恢复码重设店主密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field added</source>
        <translation>新增自定义字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field renamed</source>
        <translation>自定义字段改名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field options added</source>
        <translation>自定义字段添加了选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom fields reordered</source>
        <translation>调整自定义字段顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field retired</source>
        <translation>停用自定义字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom field restored</source>
        <translation>恢复自定义字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy created</source>
        <translation>创建药店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup made</source>
        <translation>已备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored from a backup</source>
        <translation>已从备份恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo data created</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All account changes</source>
        <translation>所有账户变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All customer file events</source>
        <translation>所有客户档案操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All consent changes</source>
        <translation>所有同意变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All imports</source>
        <translation>所有导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All exports</source>
        <translation>所有导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All points changes</source>
        <translation>所有积分变动</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../pharmadesk/ui/formatting.py" line="+69"/>
        <source>pp</source>
        <comment>percentage points</comment>
        <translation>个百分点</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../pharmadesk/ui/labels.py" line="+20"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper card</source>
        <translation>纸质登记卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Consultation</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Will come in</source>
        <translation>会来店</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped this medicine</source>
        <translation>已停用此药</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lapsing</source>
        <translation>将流失</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given</source>
        <translation>已同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper card, not yet confirmed</source>
        <translation>纸质登记卡，待确认</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health data</source>
        <translation>健康信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact and offers</source>
        <translation>联系及推送优惠</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member code</source>
        <translation>会员号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences (categories, brands)</source>
        <translation>偏好（类别、品牌）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chronic conditions</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent: personal data</source>
        <translation>同意处理个人信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent: health data</source>
        <translation>同意处理健康信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent: contact and offers</source>
        <translation>同意联系及推送优惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian&apos;s mobile</source>
        <translation>监护人手机号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consents given via</source>
        <translation>同意取得方式</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A name is required</source>
        <translation>姓名为必填项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid mobile: 11 digits starting 13-19</source>
        <translation>手机号无效：应为以 13-19 开头的 11 位数字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a mobile number</source>
        <translation>不是手机号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a phone number</source>
        <translation>不是有效的电话号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such date</source>
        <translation>日期不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a date (e.g. 1965-03-07 or 1965年3月7日)</source>
        <translation>日期无法识别（例如 1965-03-07 或 1965年3月7日）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a plausible birth date</source>
        <translation>出生日期不合理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a plausible birth year</source>
        <translation>出生年份不合理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a gender</source>
        <translation>性别无法识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an age</source>
        <translation>年龄无法识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a plausible age</source>
        <translation>年龄不合理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an email address</source>
        <translation>不是有效的电子邮件地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A postal code has 6 digits</source>
        <translation>邮政编码应为 6 位数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a consent status</source>
        <translation>不是有效的同意状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long</source>
        <translation>内容过长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a number</source>
        <translation>不是有效数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not one of the choices</source>
        <translation>不在可选项中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already in use by another customer</source>
        <translation>已被其他客户使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A child under 14: the guardian&apos;s name is required</source>
        <translation>未满14岁的儿童：必须填写监护人姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A child under 14: the guardian&apos;s mobile is required</source>
        <translation>未满14岁的儿童：必须填写监护人手机号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A child under 14: the guardian&apos;s consent is required (Given)</source>
        <translation>未满14岁的儿童：须取得监护人同意（选择“已同意”）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a consent channel</source>
        <translation>不是有效的同意取得方式</translation>
    </message>
</context>
</TS>
