"""Images a participant attaches: checked, cleaned of metadata, downscaled, re-encoded."""

from diaryrec.media.images import (
    ImageRejectedError,
    PreparedImage,
    load_data_url,
    prepare_image,
    prepare_image_bytes,
    store_image,
)

__all__ = ["ImageRejectedError", "PreparedImage", "load_data_url", "prepare_image", "prepare_image_bytes", "store_image"]
