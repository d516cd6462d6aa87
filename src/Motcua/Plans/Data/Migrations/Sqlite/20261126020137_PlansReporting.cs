using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Plans.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlansReporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_escalations_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_job_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Job = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RanAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_unit_figures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvidenceStoredPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EvidenceSize = table.Column<long>(type: "INTEGER", nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_unit_figures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_unit_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_unit_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_weekly_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Tasks = table.Column<int>(type: "INTEGER", nullable: false),
                    Overdue = table.Column<int>(type: "INTEGER", nullable: false),
                    NotReported = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_weekly_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_escalations_LeadUnitId_SentAt",
                table: "plan_escalations",
                columns: new[] { "LeadUnitId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_escalations_TaskId_DueOn_Step",
                table: "plan_escalations",
                columns: new[] { "TaskId", "DueOn", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_job_runs_Job_Slot",
                table: "plan_job_runs",
                columns: new[] { "Job", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_unit_figures_Indicator_Period",
                table: "plan_unit_figures",
                columns: new[] { "Indicator", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_unit_figures_UnitId_Indicator_Period",
                table: "plan_unit_figures",
                columns: new[] { "UnitId", "Indicator", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_unit_targets_Indicator_Period",
                table: "plan_unit_targets",
                columns: new[] { "Indicator", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_unit_targets_UnitId_Indicator_Period",
                table: "plan_unit_targets",
                columns: new[] { "UnitId", "Indicator", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_weekly_reports_IssuingUnitId_Week",
                table: "plan_weekly_reports",
                columns: new[] { "IssuingUnitId", "Week" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_escalations");

            migrationBuilder.DropTable(
                name: "plan_job_runs");

            migrationBuilder.DropTable(
                name: "plan_unit_figures");

            migrationBuilder.DropTable(
                name: "plan_unit_targets");

            migrationBuilder.DropTable(
                name: "plan_weekly_reports");
        }
    }
}
