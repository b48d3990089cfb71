import { NotFoundContent } from '@/components/NotFoundContent';

export default function LocaleNotFound() {
  return <NotFoundContent />;
}
