using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Plans.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlansInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NumberAndSymbol = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IssuingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    SourceContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SourcePath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SourceSize = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadUnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeadlineKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DeadlineDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeadlineYear = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineRecurrence = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DeadlineWeekday = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DeadlineDayOfMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineEvent = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeadlineWorkingDaysAfterEvent = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RequiredEvidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EventRecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EventRecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EventNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PercentDone = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_tasks_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_contributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_contributions_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContributionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_evidence_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ForDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Review = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_reports_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_task_coordinators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_task_coordinators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_task_coordinators_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_task_indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_task_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_task_indicators_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_contributions_TaskId_PostedAt",
                table: "plan_contributions",
                columns: new[] { "TaskId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_evidence_ContributionId",
                table: "plan_evidence",
                column: "ContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_evidence_ReportId",
                table: "plan_evidence",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_evidence_TaskId",
                table: "plan_evidence",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_reports_PlanId_Review",
                table: "plan_reports",
                columns: new[] { "PlanId", "Review" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_reports_TaskId_PostedAt",
                table: "plan_reports",
                columns: new[] { "TaskId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_reports_UnitId_PostedAt",
                table: "plan_reports",
                columns: new[] { "UnitId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_task_coordinators_TaskId",
                table: "plan_task_coordinators",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_task_coordinators_UnitId",
                table: "plan_task_coordinators",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_task_indicators_TaskId",
                table: "plan_task_indicators",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_DeadlineKind_DeadlineDate",
                table: "plan_tasks",
                columns: new[] { "DeadlineKind", "DeadlineDate" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_LeadUnitId",
                table: "plan_tasks",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_PlanId_Number",
                table: "plan_tasks",
                columns: new[] { "PlanId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_plans_IssuingUnitId_NumberAndSymbol_IssuedOn",
                table: "plans",
                columns: new[] { "IssuingUnitId", "NumberAndSymbol", "IssuedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plans_IssuingUnitId_Year",
                table: "plans",
                columns: new[] { "IssuingUnitId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_contributions");

            migrationBuilder.DropTable(
                name: "plan_evidence");

            migrationBuilder.DropTable(
                name: "plan_reports");

            migrationBuilder.DropTable(
                name: "plan_task_coordinators");

            migrationBuilder.DropTable(
                name: "plan_task_indicators");

            migrationBuilder.DropTable(
                name: "plan_tasks");

            migrationBuilder.DropTable(
                name: "plans");
        }
    }
}
