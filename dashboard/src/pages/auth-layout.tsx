// The centred card that holds sign-in and first-owner setup.
import type { ReactNode } from 'react';
import { BrandMark } from '../components/brand-mark';
import { useDocumentTitle } from '../hooks/use-document-title';

export function AuthLayout({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <main className="auth-page" id="main">
      <div className="auth-card">
        <div className="auth-brand">
          <BrandMark size={40} />
          <span className="brand-name">Lantern</span>
        </div>
        <h1>{title}</h1>
        <p className="auth-intro">{intro}</p>
        {children}
      </div>
      <p className="auth-footnote">Dark social intelligence: see the shares that happen where analytics cannot look.</p>
    </main>
  );
}
