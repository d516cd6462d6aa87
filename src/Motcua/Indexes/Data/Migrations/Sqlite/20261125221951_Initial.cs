using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Indexes.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "index_counters",
                columns: table => new
                {
                    ScopeUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Grain = table.Column<short>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedFullOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedPostal = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedWithFee = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedPaidOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedWithDocuments = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedFullyDigitised = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedReusing = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedSynced = table.Column<long>(type: "INTEGER", nullable: false),
                    Completed = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedOnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedLateWithApology = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedResultDigitised = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedElectronicResult = table.Column<long>(type: "INTEGER", nullable: false),
                    Rated = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedSatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedNotSatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedHarassment = table.Column<long>(type: "INTEGER", nullable: false),
                    Returned = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnedPostal = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenChange = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenLateChange = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueChange = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_counters", x => new { x.ScopeUnitId, x.Grain, x.PeriodStart });
                });

            migrationBuilder.CreateTable(
                name: "index_facts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OnlineLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnChannel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Apologies = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstApologyAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NewDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupplementRequests = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplementRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupplementedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DocumentsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentsDigitised = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentsReused = table.Column<int>(type: "INTEGER", nullable: false),
                    ElectronicResult = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigitisedResult = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeeAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RatedHarassment = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyncedToNationalPortal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Imported = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompletedOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_facts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "index_indicator_sets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_indicator_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_manual_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Numerator = table.Column<long>(type: "INTEGER", nullable: false),
                    Denominator = table.Column<long>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_manual_values", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_pending_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedFullOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedPostal = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedWithFee = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedPaidOnline = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedWithDocuments = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedFullyDigitised = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedReusing = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedSynced = table.Column<long>(type: "INTEGER", nullable: false),
                    Completed = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedOnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedLateWithApology = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedResultDigitised = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedElectronicResult = table.Column<long>(type: "INTEGER", nullable: false),
                    Rated = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedSatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedNotSatisfied = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedHarassment = table.Column<long>(type: "INTEGER", nullable: false),
                    Returned = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnedPostal = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenChange = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenLateChange = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueChange = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_pending_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_scope_members",
                columns: table => new
                {
                    ScopeUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberUnitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_scope_members", x => new { x.ScopeUnitId, x.MemberUnitId });
                });

            migrationBuilder.CreateTable(
                name: "index_targets",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_targets", x => new { x.UnitId, x.IndicatorCode, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_facts_UnitId_CompletedAt",
                table: "index_facts",
                columns: new[] { "UnitId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_index_facts_UnitId_ReceivedAt",
                table: "index_facts",
                columns: new[] { "UnitId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_index_indicator_sets_Code_EffectiveFrom",
                table: "index_indicator_sets",
                columns: new[] { "Code", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_index_manual_values_UnitId_IndicatorCode_Month",
                table: "index_manual_values",
                columns: new[] { "UnitId", "IndicatorCode", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_index_pending_changes_UnitId",
                table: "index_pending_changes",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_index_scope_members_MemberUnitId",
                table: "index_scope_members",
                column: "MemberUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_counters");

            migrationBuilder.DropTable(
                name: "index_facts");

            migrationBuilder.DropTable(
                name: "index_indicator_sets");

            migrationBuilder.DropTable(
                name: "index_manual_values");

            migrationBuilder.DropTable(
                name: "index_pending_changes");

            migrationBuilder.DropTable(
                name: "index_scope_members");

            migrationBuilder.DropTable(
                name: "index_targets");
        }
    }
}
