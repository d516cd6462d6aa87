using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Motcua.Dossiers.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "dossiers");

            migrationBuilder.CreateTable(
                name: "dossier_counters",
                schema: "dossiers",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_counters", x => new { x.UnitId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "dossier_events",
                schema: "dossiers",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Holder = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_events", x => new { x.DossierId, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "dossiers",
                schema: "dossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Secret = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivingUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    VariantCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProcessingTime = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    CountsWorkingDays = table.Column<bool>(type: "boolean", nullable: false),
                    Fee = table.Column<long>(type: "bigint", nullable: false),
                    OnlineLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    OriginalDueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CalendarRevision = table.Column<long>(type: "bigint", nullable: false),
                    PausedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SupplementRequests = table.Column<int>(type: "integer", nullable: false),
                    SupplementRequestedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SupplementedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ApologyAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DepartmentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Specialist = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OtherAgency = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReturnChannel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ElectronicResult = table.Column<bool>(type: "boolean", nullable: false),
                    DigitisedResult = table.Column<bool>(type: "boolean", nullable: false),
                    FeePaid = table.Column<long>(type: "bigint", nullable: false),
                    PaidOnline = table.Column<bool>(type: "boolean", nullable: false),
                    Rating = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RatedHarassment = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PreviousSpecialist = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    applicant_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    applicant_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    applicant_identity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    applicant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    applicant_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_documents",
                schema: "dossiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Originals = table.Column<int>(type: "integer", nullable: false),
                    Copies = table.Column<int>(type: "integer", nullable: false),
                    Provided = table.Column<bool>(type: "boolean", nullable: false),
                    Digitised = table.Column<bool>(type: "boolean", nullable: false),
                    Reused = table.Column<bool>(type: "boolean", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossier_documents_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalSchema: "dossiers",
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_documents_DossierId",
                schema: "dossiers",
                table: "dossier_documents",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Code",
                schema: "dossiers",
                table: "dossiers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_ReceivingUnitId_Status",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "ReceivingUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Status_DueAt",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_UnitId_Status",
                schema: "dossiers",
                table: "dossiers",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_counters",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossier_documents",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossier_events",
                schema: "dossiers");

            migrationBuilder.DropTable(
                name: "dossiers",
                schema: "dossiers");
        }
    }
}
