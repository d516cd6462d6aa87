using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Procedures.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "procedures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OnlineLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PostalIntake = table.Column<bool>(type: "INTEGER", nullable: false),
                    PostalReturn = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unit_procedures",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_procedures", x => new { x.UnitId, x.ProcedureId });
                });

            migrationBuilder.CreateTable(
                name: "procedure_variants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ProcessingTime = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: false),
                    TimeUnit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Fee = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProcedureId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procedure_variants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_procedure_variants_procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "required_documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Originals = table.Column<int>(type: "INTEGER", nullable: false),
                    Copies = table.Column<int>(type: "INTEGER", nullable: false),
                    FormTemplate = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VariantId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_required_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_required_documents_procedure_variants_VariantId",
                        column: x => x.VariantId,
                        principalTable: "procedure_variants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_procedure_variants_ProcedureId",
                table: "procedure_variants",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_procedures_Code",
                table: "procedures",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_required_documents_VariantId",
                table: "required_documents",
                column: "VariantId");

            migrationBuilder.CreateIndex(
                name: "IX_unit_procedures_ProcedureId",
                table: "unit_procedures",
                column: "ProcedureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "required_documents");

            migrationBuilder.DropTable(
                name: "unit_procedures");

            migrationBuilder.DropTable(
                name: "procedure_variants");

            migrationBuilder.DropTable(
                name: "procedures");
        }
    }
}
