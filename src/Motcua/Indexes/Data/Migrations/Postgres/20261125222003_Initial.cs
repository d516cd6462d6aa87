using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Motcua.Indexes.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "indexes");

            migrationBuilder.CreateTable(
                name: "index_counters",
                schema: "indexes",
                columns: table => new
                {
                    ScopeUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Grain = table.Column<short>(type: "smallint", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Received = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedOnline = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedFullOnline = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedPostal = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedWithFee = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedPaidOnline = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedWithDocuments = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedFullyDigitised = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedReusing = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedSynced = table.Column<long>(type: "bigint", nullable: false),
                    Completed = table.Column<long>(type: "bigint", nullable: false),
                    CompletedOnTime = table.Column<long>(type: "bigint", nullable: false),
                    CompletedLateWithApology = table.Column<long>(type: "bigint", nullable: false),
                    CompletedResultDigitised = table.Column<long>(type: "bigint", nullable: false),
                    CompletedElectronicResult = table.Column<long>(type: "bigint", nullable: false),
                    Rated = table.Column<long>(type: "bigint", nullable: false),
                    RatedSatisfied = table.Column<long>(type: "bigint", nullable: false),
                    RatedNotSatisfied = table.Column<long>(type: "bigint", nullable: false),
                    RatedHarassment = table.Column<long>(type: "bigint", nullable: false),
                    Returned = table.Column<long>(type: "bigint", nullable: false),
                    ReturnedPostal = table.Column<long>(type: "bigint", nullable: false),
                    OpenChange = table.Column<long>(type: "bigint", nullable: false),
                    OpenLateChange = table.Column<long>(type: "bigint", nullable: false),
                    OverdueChange = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_counters", x => new { x.ScopeUnitId, x.Grain, x.PeriodStart });
                });

            migrationBuilder.CreateTable(
                name: "index_facts",
                schema: "indexes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OnlineLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReturnChannel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Apologies = table.Column<int>(type: "integer", nullable: false),
                    FirstApologyAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    NewDueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SupplementRequests = table.Column<int>(type: "integer", nullable: false),
                    SupplementRequestedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SupplementedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DocumentsTotal = table.Column<int>(type: "integer", nullable: false),
                    DocumentsDigitised = table.Column<int>(type: "integer", nullable: false),
                    DocumentsReused = table.Column<int>(type: "integer", nullable: false),
                    ElectronicResult = table.Column<bool>(type: "boolean", nullable: false),
                    DigitisedResult = table.Column<bool>(type: "boolean", nullable: false),
                    FeeAmount = table.Column<long>(type: "bigint", nullable: false),
                    PaidOnline = table.Column<bool>(type: "boolean", nullable: false),
                    Rating = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RatedHarassment = table.Column<bool>(type: "boolean", nullable: false),
                    SyncedToNationalPortal = table.Column<bool>(type: "boolean", nullable: false),
                    Imported = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_facts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "index_indicator_sets",
                schema: "indexes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_indicator_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_manual_values",
                schema: "indexes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Numerator = table.Column<long>(type: "bigint", nullable: false),
                    Denominator = table.Column<long>(type: "bigint", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_manual_values", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_pending_changes",
                schema: "indexes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Received = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedOnline = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedFullOnline = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedPostal = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedWithFee = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedPaidOnline = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedWithDocuments = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedFullyDigitised = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedReusing = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedSynced = table.Column<long>(type: "bigint", nullable: false),
                    Completed = table.Column<long>(type: "bigint", nullable: false),
                    CompletedOnTime = table.Column<long>(type: "bigint", nullable: false),
                    CompletedLateWithApology = table.Column<long>(type: "bigint", nullable: false),
                    CompletedResultDigitised = table.Column<long>(type: "bigint", nullable: false),
                    CompletedElectronicResult = table.Column<long>(type: "bigint", nullable: false),
                    Rated = table.Column<long>(type: "bigint", nullable: false),
                    RatedSatisfied = table.Column<long>(type: "bigint", nullable: false),
                    RatedNotSatisfied = table.Column<long>(type: "bigint", nullable: false),
                    RatedHarassment = table.Column<long>(type: "bigint", nullable: false),
                    Returned = table.Column<long>(type: "bigint", nullable: false),
                    ReturnedPostal = table.Column<long>(type: "bigint", nullable: false),
                    OpenChange = table.Column<long>(type: "bigint", nullable: false),
                    OpenLateChange = table.Column<long>(type: "bigint", nullable: false),
                    OverdueChange = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_pending_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "index_scope_members",
                schema: "indexes",
                columns: table => new
                {
                    ScopeUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberUnitId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_scope_members", x => new { x.ScopeUnitId, x.MemberUnitId });
                });

            migrationBuilder.CreateTable(
                name: "index_targets",
                schema: "indexes",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SetBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_targets", x => new { x.UnitId, x.IndicatorCode, x.Year });
                });

            migrationBuilder.CreateIndex(
                name: "IX_index_facts_UnitId_CompletedAt",
                schema: "indexes",
                table: "index_facts",
                columns: new[] { "UnitId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_index_facts_UnitId_ReceivedAt",
                schema: "indexes",
                table: "index_facts",
                columns: new[] { "UnitId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_index_indicator_sets_Code_EffectiveFrom",
                schema: "indexes",
                table: "index_indicator_sets",
                columns: new[] { "Code", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_index_manual_values_UnitId_IndicatorCode_Month",
                schema: "indexes",
                table: "index_manual_values",
                columns: new[] { "UnitId", "IndicatorCode", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_index_pending_changes_UnitId",
                schema: "indexes",
                table: "index_pending_changes",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_index_scope_members_MemberUnitId",
                schema: "indexes",
                table: "index_scope_members",
                column: "MemberUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "index_counters",
                schema: "indexes");

            migrationBuilder.DropTable(
                name: "index_facts",
                schema: "indexes");

            migrationBuilder.DropTable(
                name: "index_indicator_sets",
                schema: "indexes");

            migrationBuilder.DropTable(
                name: "index_manual_values",
                schema: "indexes");

            migrationBuilder.DropTable(
                name: "index_pending_changes",
                schema: "indexes");

            migrationBuilder.DropTable(
                name: "index_scope_members",
                schema: "indexes");

            migrationBuilder.DropTable(
                name: "index_targets",
                schema: "indexes");
        }
    }
}
