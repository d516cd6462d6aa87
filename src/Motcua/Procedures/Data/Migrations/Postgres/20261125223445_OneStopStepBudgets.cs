using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Motcua.Procedures.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneStopStepBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StepBudgets",
                schema: "procedures",
                table: "procedure_variants",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StepBudgets",
                schema: "procedures",
                table: "procedure_variants");
        }
    }
}
