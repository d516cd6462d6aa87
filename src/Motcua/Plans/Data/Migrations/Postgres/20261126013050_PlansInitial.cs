using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Plans.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlansInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "plans");

            migrationBuilder.CreateTable(
                name: "plans",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NumberAndSymbol = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IssuingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SourceFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SourceContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SourcePath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SourceSize = table.Column<long>(type: "bigint", nullable: true),
                    SourceSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadUnitName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ResponsiblePerson = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DeadlineKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeadlineDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeadlineYear = table.Column<int>(type: "integer", nullable: true),
                    DeadlineMonth = table.Column<int>(type: "integer", nullable: true),
                    DeadlineRecurrence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DeadlineWeekday = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DeadlineDayOfMonth = table.Column<int>(type: "integer", nullable: true),
                    DeadlineEvent = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DeadlineWorkingDaysAfterEvent = table.Column<int>(type: "integer", nullable: true),
                    DeadlineText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RequiredEvidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EventRecordedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EventRecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EventNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Progress = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PercentDone = table.Column<int>(type: "integer", nullable: false),
                    LastReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_tasks_plans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "plans",
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_contributions",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PostedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PostedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_contributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_contributions_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "plans",
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_evidence",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContributionId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StoredPath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_evidence_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "plans",
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_reports",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Progress = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ForDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PostedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PostedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Review = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_reports_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "plans",
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_task_coordinators",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_task_coordinators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_task_coordinators_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "plans",
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_task_indicators",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Target = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_task_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_task_indicators_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "plans",
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_contributions_TaskId_PostedAt",
                schema: "plans",
                table: "plan_contributions",
                columns: new[] { "TaskId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_evidence_ContributionId",
                schema: "plans",
                table: "plan_evidence",
                column: "ContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_evidence_ReportId",
                schema: "plans",
                table: "plan_evidence",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_evidence_TaskId",
                schema: "plans",
                table: "plan_evidence",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_reports_PlanId_Review",
                schema: "plans",
                table: "plan_reports",
                columns: new[] { "PlanId", "Review" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_reports_TaskId_PostedAt",
                schema: "plans",
                table: "plan_reports",
                columns: new[] { "TaskId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_reports_UnitId_PostedAt",
                schema: "plans",
                table: "plan_reports",
                columns: new[] { "UnitId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_task_coordinators_TaskId",
                schema: "plans",
                table: "plan_task_coordinators",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_task_coordinators_UnitId",
                schema: "plans",
                table: "plan_task_coordinators",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_task_indicators_TaskId",
                schema: "plans",
                table: "plan_task_indicators",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_DeadlineKind_DeadlineDate",
                schema: "plans",
                table: "plan_tasks",
                columns: new[] { "DeadlineKind", "DeadlineDate" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_LeadUnitId",
                schema: "plans",
                table: "plan_tasks",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_PlanId_Number",
                schema: "plans",
                table: "plan_tasks",
                columns: new[] { "PlanId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_plans_IssuingUnitId_NumberAndSymbol_IssuedOn",
                schema: "plans",
                table: "plans",
                columns: new[] { "IssuingUnitId", "NumberAndSymbol", "IssuedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plans_IssuingUnitId_Year",
                schema: "plans",
                table: "plans",
                columns: new[] { "IssuingUnitId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_contributions",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_evidence",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_reports",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_task_coordinators",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_task_indicators",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_tasks",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plans",
                schema: "plans");
        }
    }
}
