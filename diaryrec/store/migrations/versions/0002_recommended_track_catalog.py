"""recommended_track.catalog: which catalog gave the verdict

Until now Spotify was the only catalog, so every verdict a catalog gave is Spotify's.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 19:02:56.005323
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('recommended_track', schema=None) as batch_op:
        batch_op.add_column(sa.Column('catalog', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.execute("UPDATE recommended_track SET catalog = 'spotify' "
               "WHERE verdict IN ('verified', 'not_found', 'uncertain')")


def downgrade() -> None:
    with op.batch_alter_table('recommended_track', schema=None) as batch_op:
        batch_op.drop_column('catalog')

