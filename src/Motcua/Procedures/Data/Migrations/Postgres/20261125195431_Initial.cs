using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Motcua.Procedures.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "procedures");

            migrationBuilder.CreateTable(
                name: "procedures",
                schema: "procedures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OnlineLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PostalIntake = table.Column<bool>(type: "boolean", nullable: false),
                    PostalReturn = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unit_procedures",
                schema: "procedures",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_procedures", x => new { x.UnitId, x.ProcedureId });
                });

            migrationBuilder.CreateTable(
                name: "procedure_variants",
                schema: "procedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProcessingTime = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    TimeUnit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Fee = table.Column<long>(type: "bigint", nullable: false),
                    FeeNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProcedureId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procedure_variants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_procedure_variants_procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalSchema: "procedures",
                        principalTable: "procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "required_documents",
                schema: "procedures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Originals = table.Column<int>(type: "integer", nullable: false),
                    Copies = table.Column<int>(type: "integer", nullable: false),
                    FormTemplate = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VariantId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_required_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_required_documents_procedure_variants_VariantId",
                        column: x => x.VariantId,
                        principalSchema: "procedures",
                        principalTable: "procedure_variants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_procedure_variants_ProcedureId",
                schema: "procedures",
                table: "procedure_variants",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_procedures_Code",
                schema: "procedures",
                table: "procedures",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_required_documents_VariantId",
                schema: "procedures",
                table: "required_documents",
                column: "VariantId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_procedures_ProcedureId",
                schema: "procedures",
                table: "unit_procedures",
                column: "ProcedureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "required_documents",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "unit_procedures",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "procedure_variants",
                schema: "procedures");

            migrationBuilder.DropTable(
                name: "procedures",
                schema: "procedures");
        }
    }
}
