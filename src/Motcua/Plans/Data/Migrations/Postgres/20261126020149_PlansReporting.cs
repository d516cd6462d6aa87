using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Plans.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlansReporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_escalations",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_escalations_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalSchema: "plans",
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_job_runs",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Job = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Slot = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RanAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_unit_figures",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EvidenceFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EvidenceStoredPath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    EvidenceSize = table.Column<long>(type: "bigint", nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_unit_figures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_unit_targets",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    SetBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_unit_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_weekly_reports",
                schema: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Week = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportDay = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Tasks = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<int>(type: "integer", nullable: false),
                    NotReported = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_weekly_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_escalations_LeadUnitId_SentAt",
                schema: "plans",
                table: "plan_escalations",
                columns: new[] { "LeadUnitId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_escalations_TaskId_DueOn_Step",
                schema: "plans",
                table: "plan_escalations",
                columns: new[] { "TaskId", "DueOn", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_job_runs_Job_Slot",
                schema: "plans",
                table: "plan_job_runs",
                columns: new[] { "Job", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_unit_figures_Indicator_Period",
                schema: "plans",
                table: "plan_unit_figures",
                columns: new[] { "Indicator", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_unit_figures_UnitId_Indicator_Period",
                schema: "plans",
                table: "plan_unit_figures",
                columns: new[] { "UnitId", "Indicator", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_unit_targets_Indicator_Period",
                schema: "plans",
                table: "plan_unit_targets",
                columns: new[] { "Indicator", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_unit_targets_UnitId_Indicator_Period",
                schema: "plans",
                table: "plan_unit_targets",
                columns: new[] { "UnitId", "Indicator", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_weekly_reports_IssuingUnitId_Week",
                schema: "plans",
                table: "plan_weekly_reports",
                columns: new[] { "IssuingUnitId", "Week" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_escalations",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_job_runs",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_unit_figures",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_unit_targets",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plan_weekly_reports",
                schema: "plans");
        }
    }
}
