// How a link will look when pasted into a chat: the message bubble with its preview card.
import { useEffect, useState } from 'react';
import { domainOf } from '../lib/format';

interface LinkPreviewCardProps {
  url: string;
  shortUrl?: string;
  title?: string | null;
  description?: string | null;
  image?: string | null;
}

function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function LinkPreviewCard({ url, shortUrl, title, description, image }: LinkPreviewCardProps) {
  const [imageFailed, setImageFailed] = useState(false);
  useEffect(() => setImageFailed(false), [image]);
  const domain = isHttpUrl(url) ? domainOf(url) : 'example.com';
  const showImage = isHttpUrl(image) && !imageFailed;
  return (
    <figure className="chat-preview" aria-label="Preview of the link in a chat">
      <div className="chat-bubble">
        <div className="preview-card">
          {showImage ? (
            <img className="preview-image" src={image} alt="" onError={() => setImageFailed(true)} />
          ) : (
            <div className="preview-image preview-image-empty" aria-hidden="true">{domain.slice(0, 1).toUpperCase()}</div>
          )}
          <div className="preview-text">
            <p className="preview-title">{title || 'The destination page’s title'}</p>
            <p className="preview-description">{description || 'The destination page’s description, when it has one.'}</p>
            <p className="preview-domain">{domain}</p>
          </div>
        </div>
        <p className="chat-message">{shortUrl ?? 'Your short link'}</p>
      </div>
      <figcaption className="muted small">
        Chat apps show this card when the link is pasted. Empty fields fall back to the destination page’s own tags.
      </figcaption>
    </figure>
  );
}
